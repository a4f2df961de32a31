import Foundation
import Hummingbird
import MeshCA
import Testing

extension EndToEnd {
    /// The collector's CA and two real sidecars: certificates issued over HTTP, the inbound
    /// side under a PERMISSIVE PeerAuthentication, Istio metrics labelled with what really
    /// happened on the wire, and the service graph drawing the lock from them.
    @Suite struct MutualTLSEndToEndTests {
        static let productpage = "spiffe://cluster.local/ns/default/sa/productpage"
        static let reviews = "spiffe://cluster.local/ns/default/sa/reviews"

        @Test func caIssuesAndRefusesOverHTTP() async throws {
            try await withTemporaryDirectory("mtls-ca") { dir in
                let configPath = join(dir, "meshscope.yaml")
                try write("ca: {enabled: true, workload_cert_ttl: 1h}\n", to: configPath)
                let collector = try await ServeProcess.start(dataDir: join(dir, "data"), config: configPath, workDir: dir)
                defer { collector.terminateIfRunning() }
                let root = try await HTTP.get(collector.baseURL + "/api/v1/ca/root")
                #expect(root.status == 200 && root.text.contains("BEGIN CERTIFICATE"))
                let keyAttributes = try FileManager.default.attributesOfItem(atPath: join(dir, "data/ca/root-key.pem"))
                #expect((keyAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

                let key = WorkloadKey(identity: SPIFFEID(trustDomain: "cluster.local", namespace: "default",
                                                         serviceAccount: "productpage"))
                let issued = try await JSONPost.send(collector.baseURL + "/api/v1/ca/certificates",
                                                     ["csr": try key.csrPEM(), "ttl": "90s"])
                #expect(issued.status == 200, "\(issued.text)")
                let object = try JSONSerialization.jsonObject(with: Data(issued.body)) as? [String: Any] ?? [:]
                let chain = object["certificateChain"] as? [String] ?? []
                #expect(chain.count == 2 && chain.last == root.text)
                let leaf = try CertificateFacts(pem: try #require(chain.first))
                #expect(leaf.spiffeURI == Self.productpage)
                #expect(abs(leaf.notAfter.timeIntervalSinceNow - 90) < 30)

                let garbage = try await JSONPost.send(collector.baseURL + "/api/v1/ca/certificates", ["csr": "nonsense"])
                #expect(garbage.status == 400 && garbage.text.contains(#""errorType":"bad_data""#), "\(garbage.text)")
                let foreign = WorkloadKey(identity: SPIFFEID(trustDomain: "evil.example", namespace: "default",
                                                             serviceAccount: "x"))
                let refused = try await JSONPost.send(collector.baseURL + "/api/v1/ca/certificates",
                                                      ["csr": try foreign.csrPEM()])
                #expect(refused.status == 400 && refused.text.contains("trust domain"), "\(refused.text)")
                #expect(try await collector.stop() == 0)
            }
        }

        @Test func permissiveMeshLabelsSecurityAndDrawsTheLock() async throws {
            try await withTemporaryDirectory("mtls-mesh") { dir in
                let configPath = join(dir, "meshscope.yaml")
                try write("ca: {enabled: true}\n", to: configPath)
                let collector = try await ServeProcess.start(dataDir: join(dir, "data"), config: configPath, workDir: dir)
                defer { collector.terminateIfRunning() }

                let router = Router()
                router.get("/reviews/{id}") { _, _ in "reviews v1" }
                let (appPort, appTask) = try await LoopbackServer.start(router, name: "the app")
                defer { appTask.cancel() }

                let reviewsConfig = join(dir, "reviews.yaml")
                try write("""
                    apiVersion: meshscope/v1
                    kind: ProxyConfig
                    metadata: {name: reviews-v1, namespace: default}
                    spec:
                      workload: {app: reviews, version: v1, serviceAccount: reviews}
                      listeners:
                        inbound: {port: 0, app: "127.0.0.1:\(appPort)"}
                        admin: {port: 0}
                    ---
                    apiVersion: security.istio.io/v1
                    kind: PeerAuthentication
                    metadata: {name: default, namespace: default}
                    spec: {mtls: {mode: PERMISSIVE}}
                    """, to: reviewsConfig)
                let caFlags = ["--ca-url", collector.baseURL, "--cert-ttl", "1h"]
                let reviews = try await ProxyProcess.start(config: reviewsConfig, workDir: dir, name: "reviews",
                                                           extraArguments: caFlags, timeout: .seconds(60))
                defer { reviews.terminateIfRunning() }
                let productpageConfig = join(dir, "productpage.yaml")
                try write("""
                    apiVersion: meshscope/v1
                    kind: ProxyConfig
                    metadata: {name: productpage-v1, namespace: default}
                    spec:
                      workload: {app: productpage, version: v1, serviceAccount: productpage}
                      listeners:
                        outbound: {port: 0}
                        admin: {port: 0}
                      services:
                        - name: reviews
                          port: 9080
                          endpoints:
                            - {address: "127.0.0.1:\(reviews.inbound)", labels: {version: v1, security.istio.io/tlsMode: istio}}
                    """, to: productpageConfig)
                let productpage = try await ProxyProcess.start(config: productpageConfig, workDir: dir, name: "productpage",
                                                               extraArguments: caFlags, timeout: .seconds(60))
                defer { productpage.terminateIfRunning() }

                let viaMesh = try await HTTP.get("http://127.0.0.1:\(productpage.outbound)/reviews/1",
                                                 headers: [("Host", "reviews:9080")])
                #expect(viaMesh.status == 200 && viaMesh.text == "reviews v1", "\(viaMesh.status) \(viaMesh.text)")
                // Plaintext, with a forged peer header: the workload is taken as a claim, the principal is not.
                let forged = "productpage-v1;default;productpage;v1;\(Self.productpage);Kubernetes"
                let plain = try await HTTP.get("http://127.0.0.1:\(reviews.inbound)/reviews/2",
                                               headers: [("Host", "reviews:9080"), ("x-meshscope-peer", forged)])
                #expect(plain.status == 200, "\(plain.status) \(plain.text)")

                let destinationStats = try await HTTP.get("http://127.0.0.1:\(reviews.admin)/stats/prometheus").text
                let sourceStats = try await HTTP.get("http://127.0.0.1:\(productpage.admin)/stats/prometheus").text
                func count(_ text: String, _ fragments: [String]) -> Double? {
                    text.split(separator: "\n").first { line in
                        line.hasPrefix("istio_requests_total{") && fragments.allSatisfy { line.contains($0) }
                    }.flatMap { Double($0.split(separator: " ").last ?? "") }
                }
                #expect(count(destinationStats, [#"reporter="destination""#, #"connection_security_policy="mutual_tls""#,
                                                 #"source_principal="\#(Self.productpage)""#,
                                                 #"source_workload="productpage-v1""#]) == 1, "\(destinationStats.prefix(3000))")
                #expect(count(destinationStats, [#"reporter="destination""#, #"connection_security_policy="none""#,
                                                 #"source_principal="unknown""#, #"source_workload="productpage-v1""#]) == 1,
                        "\(destinationStats.prefix(3000))")
                #expect(count(sourceStats, [#"reporter="source""#, #"destination_principal="\#(Self.reviews)""#,
                                            #"connection_security_policy="unknown""#]) == 1, "\(sourceStats.prefix(3000))")

                // The collector scrapes both sidecars; the graph's edge gets its lock.
                try write("""
                    ca: {enabled: true}
                    scrape_configs:
                      - job_name: mesh
                        scrape_interval: 1s
                        metrics_path: /stats/prometheus
                        static_configs:
                          - targets: ["127.0.0.1:\(reviews.admin)", "127.0.0.1:\(productpage.admin)"]
                    """, to: configPath)
                #expect(try await HTTP.post(collector.baseURL + "/-/reload").status == 200)
                let graph = try await eventually("the graph to draw an mTLS lock", timeout: .seconds(60),
                                                 context: { collector.logTail() }) { () async throws -> String? in
                    _ = try await HTTP.get("http://127.0.0.1:\(productpage.outbound)/reviews/3", headers: [("Host", "reviews:9080")])
                    let page = try await HTTP.get(collector.baseURL + "/graph").text
                    return page.contains("mtls-lock") ? page : nil
                }
                #expect(graph.contains("productpage"))

                #expect(try await productpage.stop() == 0)
                #expect(try await reviews.stop() == 0)
                #expect(try await collector.stop() == 0)
            }
        }
    }
}
