import Config
import Testing

/// `auth`, `tls` and the new `limits` keys: parsing, validation with lines, rendering.
@Suite struct SecurityConfigTests {
    static func parseError(_ yaml: String) -> ConfigError? {
        do {
            _ = try MeshScopeConfig.parse(yaml: yaml, source: "m.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsAreOpenPlainAndUnlimited() {
        let config = MeshScopeConfig()
        #expect(config.auth.isOpen)
        #expect(!config.tls.isEnabled)
        #expect(config.tls.reloadInterval == .seconds(10))
        #expect(config.limits.maxSeriesPerMetric == 0)
        #expect(!config.limits.ingestRateLimit.isEnabled)
    }

    @Test func parsesEveryKey() throws {
        let config = try MeshScopeConfig.parse(yaml: """
            auth:
              ingest_tokens: [a1, a2]
              ingest_token_files: [/etc/ingest.token]
              query_tokens: [q1]
              query_token_files: [/etc/q.token]
            tls:
              cert_file: /etc/tls/cert.pem
              key_file: /etc/tls/key.pem
              client_ca_file: /etc/tls/ca.pem
              reload_interval: 30s
            limits:
              max_series_per_metric: 500
              ingest_rate_limit: {requests_per_second: 20, burst: 50}
            """, source: "m.yaml")
        #expect(config.auth == AuthConfig(ingestTokens: ["a1", "a2"], ingestTokenFiles: ["/etc/ingest.token"],
                                          queryTokens: ["q1"], queryTokenFiles: ["/etc/q.token"]))
        #expect(!config.auth.isOpen)
        #expect(config.tls == ListenerTLSConfig(certFile: "/etc/tls/cert.pem", keyFile: "/etc/tls/key.pem",
                                                clientCAFile: "/etc/tls/ca.pem", reloadInterval: .seconds(30)))
        #expect(config.limits.maxSeriesPerMetric == 500)
        #expect(config.limits.ingestRateLimit == IngestRateLimit(requestsPerSecond: 20, burst: 50))
        #expect(IngestRateLimit(requestsPerSecond: 20).effectiveBurst == 20)
    }

    @Test func tokensAreSecretWhenRendered() throws {
        let config = try MeshScopeConfig.parse(yaml: "auth:\n  query_tokens: [hunter2]\n  ingest_tokens: [s3cret]\n", source: "m.yaml")
        let yaml = config.yamlDescription
        #expect(!yaml.contains("hunter2") && !yaml.contains("s3cret"), "\(yaml)")
        #expect(yaml.contains("<secret>"))
    }

    @Test func rejectsMistakesWithTheirLine() {
        let half = Self.parseError("server:\n  listen: :9098\ntls:\n  cert_file: /c.pem\n")
        #expect(half?.line == 4 || half?.line == 3, "\(String(describing: half))")
        #expect(half?.description.contains("cert_file and key_file must be set together") == true, "\(String(describing: half))")
        let caOnly = Self.parseError("tls:\n  client_ca_file: /ca.pem\n")
        #expect(caOnly?.description.contains("client_ca_file needs cert_file") == true)
        let spaced = Self.parseError("auth:\n  query_tokens:\n    - \"with space\"\n")
        #expect(spaced?.line == 3, "\(String(describing: spaced))")
        let empty = Self.parseError("auth:\n  ingest_tokens: [\"\"]\n")
        #expect(empty?.description.contains("must not be empty") == true)
        let unknown = Self.parseError("auth:\n  tokens: [x]\n")
        #expect(unknown?.line == 2 && unknown?.description.contains("unknown key") == true)
        let negative = Self.parseError("limits:\n  ingest_rate_limit:\n    requests_per_second: -1\n")
        #expect(negative?.line == 3, "\(String(describing: negative))")
        let zeroInterval = Self.parseError("tls:\n  cert_file: /c\n  key_file: /k\n  reload_interval: 0s\n")
        #expect(zeroInterval?.line == 4)
    }

    @Test func renderingRoundTrips() throws {
        var config = MeshScopeConfig()
        config.auth = AuthConfig(ingestTokenFiles: ["/a"], queryTokenFiles: ["/b"])
        config.tls = ListenerTLSConfig(certFile: "/c", keyFile: "/k")
        config.limits.maxSeriesPerMetric = 7
        config.limits.ingestRateLimit = IngestRateLimit(requestsPerSecond: 3, burst: 9)
        let parsed = try MeshScopeConfig.parse(yaml: config.yamlDescription, source: "m.yaml")
        #expect(parsed == config)
    }
}
