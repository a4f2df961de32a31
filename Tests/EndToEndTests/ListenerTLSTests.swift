import Foundation
import Testing

extension EndToEnd {
    /// `tls`: both listeners serve HTTPS to real clients (`curl`, `openssl s_client`), a
    /// replaced certificate is served to new connections without a restart, and with
    /// `client_ca_file` a client without a certificate is refused.
    @Suite(.enabled(if: TestCertificates.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    struct ListenerTLSTests {
        @Test func servesHTTPSAndReloadsTheCertificate() async throws {
            try await withTemporaryDirectory("tls") { dir in
                let ca = try TestCertificates.makeCA(in: dir)
                try TestCertificates.makeLeaf(ca, in: dir, name: "server", commonName: "meshscope-one", serial: 4097)
                let config = join(dir, "meshscope.yaml")
                try write("""
                    tls:
                      cert_file: \(join(dir, "server.pem"))
                      key_file: \(join(dir, "server.key"))
                      reload_interval: 1s
                    auth:
                      query_tokens: [tls-query-token]
                    """, to: config)
                let serve = try await TLSServe.start(config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let ready = try await eventually("/-/ready over HTTPS", timeout: .seconds(30), context: serve.logTail) {
                    let answer = try serve.curl("/-/ready", ca: ca.caCert, workDir: dir)
                    return answer.status == 200 ? answer : nil
                }
                #expect(ready.body.contains("Ready"))
                // Auth still applies over TLS.
                #expect(try serve.curl("/api/v1/labels", ca: ca.caCert, workDir: dir).status == 401)
                let labels = try serve.curl("/api/v1/labels", ca: ca.caCert,
                                            extra: ["-H", "Authorization: Bearer tls-query-token"], workDir: dir)
                #expect(labels.status == 200 && labels.body.contains(#""status":"success""#), "\(labels)")
                // The Zipkin listener is HTTPS too.
                let health = try serve.curl("/health", port: serve.zipkinPort, ca: ca.caCert, workDir: dir)
                #expect(health.status == 200 && health.body.contains("UP"), "\(health)")
                // Plain HTTP is not served on a TLS port.
                let plain = try? await HTTP.get("http://127.0.0.1:\(serve.port)/-/ready", timeout: .seconds(5))
                #expect(plain?.status != 200)
                let first = try #require(try TestCertificates.peerCertificate(port: serve.port, workDir: dir))
                #expect(first.serial == "1001" && first.subject.contains("meshscope-one"), "\(first)")

                // Replace both files (rename, as cert managers do); the periodic check picks them up.
                try TestCertificates.makeLeaf(ca, in: dir, name: "server", commonName: "meshscope-two", serial: 8194)
                let second = try await eventually("a new connection to see the new certificate", timeout: .seconds(30),
                                                  every: .milliseconds(250), context: serve.logTail) {
                    let peer = try TestCertificates.peerCertificate(port: serve.port, workDir: dir)
                    return peer?.serial == "2002" ? peer : nil
                }
                #expect(second.subject.contains("meshscope-two"))
                let zipkinPeer = try TestCertificates.peerCertificate(port: serve.zipkinPort, workDir: dir)
                #expect(zipkinPeer?.serial == "2002", "the Zipkin listener uses the same certificate")
                #expect(try serve.curl("/-/healthy", ca: ca.caCert, workDir: dir).status == 200)
                let metrics = try serve.curl("/metrics", ca: ca.caCert,
                                             extra: ["-H", "Authorization: Bearer tls-query-token"], workDir: dir)
                #expect((SecurityHTTP.sampleValue(metrics.body, "meshscope_tls_certificate_reloads_total") ?? 0) >= 1,
                        "\(metrics.body.suffix(600))")

                // A broken replacement keeps the running certificate.
                try write("not a certificate", to: join(dir, "server.pem"))
                _ = try await eventually("serve to log the rejected files", timeout: .seconds(20), context: serve.logTail) {
                    serve.logs.contains("TLS files rejected") ? true : nil
                }
                #expect(try TestCertificates.peerCertificate(port: serve.port, workDir: dir)?.serial == "2002")
                await serve.stop()
            }
        }

        @Test func clientCertificatesAreRequiredWithClientCA() async throws {
            try await withTemporaryDirectory("mtls") { dir in
                let ca = try TestCertificates.makeCA(in: dir)
                try TestCertificates.makeLeaf(ca, in: dir, name: "server", commonName: "meshscope", serial: 1)
                try TestCertificates.makeLeaf(ca, in: dir, name: "client", commonName: "grafana", serial: 2, client: true)
                let other = try TestCertificates.makeCA(in: dir, name: "other-ca")
                try TestCertificates.makeLeaf(other, in: dir, name: "stranger", commonName: "stranger", serial: 3, client: true)
                let config = join(dir, "meshscope.yaml")
                try write("""
                    tls:
                      cert_file: \(join(dir, "server.pem"))
                      key_file: \(join(dir, "server.key"))
                      client_ca_file: \(ca.caCert)
                    """, to: config)
                let serve = try await TLSServe.start(config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let withCert = ["--cert", join(dir, "client.pem"), "--key", join(dir, "client.key")]
                let accepted = try await eventually("a client with a certificate to be answered", timeout: .seconds(30),
                                                    context: serve.logTail) {
                    let answer = try serve.curl("/-/ready", ca: ca.caCert, extra: withCert, workDir: dir)
                    return answer.status == 200 ? answer : nil
                }
                #expect(accepted.body.contains("Ready"))
                #expect(try serve.curl("/-/ready", ca: ca.caCert, workDir: dir).status == 0, "no client certificate: no answer")
                let stranger = ["--cert", join(dir, "stranger.pem"), "--key", join(dir, "stranger.key")]
                #expect(try serve.curl("/-/ready", ca: ca.caCert, extra: stranger, workDir: dir).status == 0,
                        "a certificate of another CA: no answer")
                #expect(try serve.curl("/health", port: serve.zipkinPort, ca: ca.caCert, workDir: dir).status == 0)
                #expect(try serve.curl("/health", port: serve.zipkinPort, ca: ca.caCert, extra: withCert, workDir: dir).status == 200)
                await serve.stop()
            }
        }
    }
}
