import Foundation
import LoopbackPorts
import Testing

extension EndToEnd {
    /// A scrape job's HTTP client settings against real servers: `authorization`,
    /// `basic_auth` and `bearer_token_file` headers (files re-read, so rotation applies),
    /// and `tls_config` against `openssl s_server` with a throw-away CA, client
    /// certificate included.
    @Suite(.enabled(if: TestCertificates.available)) struct ScrapeClientTests {
        /// The `up` of every job, once each has been scraped at least once.
        static func ups(_ serve: ServeProcess, jobs: Set<String>) async throws -> [String: Double] {
            try await eventually("every job scraped", timeout: .seconds(60), context: serve.logTail) { () async throws -> [String: Double]? in
                let samples = try await serve.federate("up").samples
                let byJob = Dictionary(samples.compactMap { sample in sample.labels["job"].map { ($0, sample.value) } },
                                       uniquingKeysWith: { first, _ in first })
                return Set(byJob.keys).isSuperset(of: jobs) ? byJob : nil
            }
        }

        static func lastErrors(_ serve: ServeProcess) async throws -> [String: String] {
            let targets = try await APIClient(serve).get("/api/v1/targets").dataObject["activeTargets"] as? [[String: Any]] ?? []
            return Dictionary(targets.compactMap { target in
                (target["scrapePool"] as? String).map { ($0, target["lastError"] as? String ?? "") }
            }, uniquingKeysWith: { first, _ in first })
        }

        @Test func credentialsAreSentAndRotated() async throws {
            try await withTemporaryDirectory("scrape-auth") { dir in
                let bearer = try await FixtureTarget.start()
                defer { bearer.cancel() }
                let basic = try await FixtureTarget.start()
                defer { basic.cancel() }
                let tokenFile = join(dir, "token")
                try write("tok-1\n", to: tokenFile)
                let config = join(dir, "meshscope.yaml")
                try write("""
                    global: {scrape_interval: 1s, scrape_timeout: 1s}
                    scrape_configs:
                      - job_name: bearer
                        metrics_path: /text
                        authorization: {credentials_file: \(tokenFile)}
                        static_configs: [{targets: ["\(bearer.address)"]}]
                      - job_name: basic
                        metrics_path: /text
                        basic_auth: {username: scraper, password: s3cret}
                        static_configs: [{targets: ["\(basic.address)"]}]
                      - job_name: missing
                        metrics_path: /text
                        bearer_token_file: \(join(dir, "no-such-token"))
                        static_configs: [{targets: ["\(basic.address)"]}]
                    """, to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let ups = try await Self.ups(serve, jobs: ["bearer", "basic", "missing"])
                #expect(ups["bearer"] == 1 && ups["basic"] == 1 && ups["missing"] == 0, "\(ups)")
                #expect(bearer.authorizations.first == "Bearer tok-1")
                #expect(basic.authorizations.contains("Basic " + Data("scraper:s3cret".utf8).base64EncodedString()))
                #expect(try await Self.lastErrors(serve)["missing"]?.hasPrefix("cannot read the scrape credentials") == true)
                // The token file is re-read at each scrape.
                try write("tok-2\n", to: tokenFile)
                _ = try await eventually("the rotated token sent", timeout: .seconds(30), context: serve.logTail) {
                    bearer.authorizations.last == "Bearer tok-2" ? true : nil
                }
                // Secrets never appear in the effective configuration.
                let yaml = try await APIClient(serve).get("/api/v1/status/config").dataObject["yaml"] as? String ?? ""
                #expect(!yaml.contains("s3cret") && yaml.contains("password: <secret>"), "\(yaml)")
                _ = try await serve.stop()
            }
        }

        @Test func tlsConfigVerifiesTheServerAndPresentsAClientCertificate() async throws {
            try await withTemporaryDirectory("scrape-tls") { dir in
                let ca = try TestCertificates.makeCA(in: dir)
                let serverCert = try TestCertificates.makeLeaf(ca, in: dir, name: "server", commonName: "localhost", serial: 11)
                let clientCert = try TestCertificates.makeLeaf(ca, in: dir, name: "client", commonName: "meshscope", serial: 12,
                                                               client: true)
                try write("# TYPE tls_fixture gauge\ntls_fixture 1\n", to: join(dir, "metrics.txt"))
                let plain = try OpenSSLServer.start(in: dir, cert: serverCert, key: join(dir, "server.key"))
                defer { plain.stop() }
                let mutual = try OpenSSLServer.start(in: dir, cert: serverCert, key: join(dir, "server.key"), clientCA: ca.caCert)
                defer { mutual.stop() }
                func job(_ name: String, _ port: Int, tls: String?) -> String {
                    """
                      - job_name: \(name)
                        scheme: https
                        metrics_path: /metrics.txt
                    \(tls.map { "    tls_config: \($0)\n" } ?? "")    static_configs: [{targets: ["127.0.0.1:\(port)"]}]
                    """
                }
                let config = join(dir, "meshscope.yaml")
                try write("global: {scrape_interval: 1s, scrape_timeout: 1s}\nscrape_configs:\n" + [
                    job("verified", plain.port, tls: "{ca_file: \(ca.caCert)}"),
                    job("unknown-ca", plain.port, tls: nil),
                    job("skip-verify", plain.port, tls: "{insecure_skip_verify: true}"),
                    job("mutual", mutual.port, tls: "{ca_file: \(ca.caCert), cert_file: \(clientCert), key_file: \(join(dir, "client.key"))}"),
                    job("mutual-no-cert", mutual.port, tls: "{ca_file: \(ca.caCert)}"),
                ].joined(separator: "\n") + "\n", to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let jobs: Set<String> = ["verified", "unknown-ca", "skip-verify", "mutual", "mutual-no-cert"]
                let ups = try await eventually("the TLS jobs settled", timeout: .seconds(60), context: serve.logTail) {
                    () async throws -> [String: Double]? in
                    let ups = try await Self.ups(serve, jobs: jobs)
                    return ups["verified"] == 1 && ups["skip-verify"] == 1 && ups["mutual"] == 1 ? ups : nil
                }
                #expect(ups["unknown-ca"] == 0 && ups["mutual-no-cert"] == 0, "\(ups)")
                let fixture = try await serve.federate(#"tls_fixture{job="mutual"}"#).samples
                #expect(fixture.first?.value == 1, "the body read over mTLS was stored")
                let errors = try await Self.lastErrors(serve)
                #expect(errors["verified"] == "" && errors["unknown-ca"]?.isEmpty == false, "\(errors)")
                _ = try await serve.stop()
            }
        }
    }
}

/// `openssl s_server -WWW` on a free port of 127.0.0.1: serves the files of its directory
/// over TLS (HTTP/1.0), optionally requiring a client certificate from `clientCA`.
struct OpenSSLServer {
    let port: Int
    let process: Process

    static func start(in dir: String, cert: String, key: String, clientCA: String? = nil) throws -> OpenSSLServer {
        let port = try LoopbackPort.free()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestCertificates.openssl)
        var arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", cert, "-key", key, "-WWW", "-quiet"]
        if let clientCA { arguments += ["-Verify", "1", "-CAfile", clientCA] }
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return OpenSSLServer(port: port, process: process)
    }

    /// SIGKILL: `s_server` ignores SIGTERM.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
