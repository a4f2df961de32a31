import Config
import HTTPClientSettings
import Testing

/// A scrape job's HTTP client settings in Prometheus' shape: `authorization`,
/// `basic_auth`, `bearer_token(_file)` and `tls_config`, with errors at file:line.
@Suite struct ScrapeClientConfigTests {
    private static func job(_ body: String) throws -> ScrapeConfig {
        let config = try MeshScopeConfig.parse(yaml: "scrape_configs:\n  - job_name: j\n" + body, source: "m.yaml")
        return try #require(config.scrapeConfigs.first)
    }

    private static func error(_ body: String) -> ConfigError? {
        do { _ = try job(body); return nil } catch { return error as? ConfigError }
    }

    @Test func readsEveryKind() throws {
        let bearer = try Self.job("    bearer_token_file: /run/token\n")
        #expect(bearer.auth == ClientAuth(authorization: .init(type: "Bearer", credentialsFile: "/run/token")))
        let inline = try Self.job("    bearer_token: abc\n")
        #expect(inline.auth.authorization?.credentials == "abc")
        let custom = try Self.job("    authorization: {type: Token, credentials_file: /run/t}\n")
        #expect(custom.auth.authorization == .init(type: "Token", credentialsFile: "/run/t"))
        let basic = try Self.job("    basic_auth: {username: u, password_file: /run/p}\n")
        #expect(basic.auth.basicAuth == .init(username: "u", passwordFile: "/run/p"))
        let tls = try Self.job("""
                scheme: https
                tls_config: {ca_file: /ca.pem, cert_file: /c.pem, key_file: /c.key, insecure_skip_verify: false}

            """)
        #expect(tls.tlsConfig == ClientTLS(caFile: "/ca.pem", certFile: "/c.pem", keyFile: "/c.key"))
        #expect(try Self.job("").auth.isEmpty && (try Self.job("").tlsConfig) == nil)
    }

    @Test func renderedConfigHidesSecretsAndReadsBack() throws {
        let config = try MeshScopeConfig.parse(yaml: """
            scrape_configs:
              - job_name: j
                bearer_token: very-secret
                tls_config: {ca_file: /ca.pem}
            """, source: "m.yaml")
        let yaml = config.yamlDescription
        #expect(!yaml.contains("very-secret") && yaml.contains("credentials: <secret>"), "\(yaml)")
        let again = try MeshScopeConfig.parse(yaml: yaml, source: "again.yaml")
        #expect(again.scrapeConfigs.first?.tlsConfig == ClientTLS(caFile: "/ca.pem"))
    }

    @Test(arguments: [
        ("    basic_auth: {username: u}\n    bearer_token: x\n", 4, "at most one of basic_auth, authorization, bearer_token"),
        ("    authorization: {credentials: a, credentials_file: /f}\n", 3, "at most one of credentials and credentials_file"),
        ("    tls_config: {cert_file: /c.pem}\n", 3, "cert_file and key_file must be set together"),
        ("    tls_config: {server_name: example}\n", 3, "server_name is not supported"),
        ("    tls_config: {ca: /x}\n", 3, "unknown key \"ca\""),
    ])
    func errorsPointAtTheLine(_ body: String, _ line: Int, _ reason: String) throws {
        let error = try #require(Self.error(body), "should fail: \(body)")
        #expect(error.line == line && error.reason.hasPrefix(reason), "\(error)")
    }
}
