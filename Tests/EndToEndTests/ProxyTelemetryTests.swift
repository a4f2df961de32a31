import Foundation
import Hummingbird
import Testing
import Traces

extension EndToEnd {
    /// Two sidecars and a collector, all real processes: productpage's proxy (outbound)
    /// calls reviews through reviews' proxy (inbound) in front of a real HTTP app. One
    /// request must give each proxy's Istio metric increment, one span per hop in one
    /// trace with the server span under the client span, and one access-log record per
    /// hop carrying that trace id.
    @Suite struct ProxyTelemetryTests {
        @Test func oneRequestGivesMetricsSpansAndLogsPerHop() async throws {
            try await withTemporaryDirectory("proxy-telemetry") { dir in
                let collector = try await ServeProcess.start(dataDir: join(dir, "data"), config: nil, workDir: dir)
                defer { collector.terminateIfRunning() }
                let collectorPort = try #require(URL(string: collector.baseURL)?.port)

                // The reviews app: a real HTTP server on a free port.
                let router = Router()
                router.get("/reviews/{id}") { _, _ in "reviews v1" }
                let (appPort, appTask) = try await LoopbackServer.start(router, name: "the app")
                defer { appTask.cancel() }
                func config(_ workload: String, app name: String, inbound: String, services: String) -> String {
                    """
                    apiVersion: meshscope/v1
                    kind: ProxyConfig
                    metadata: {name: \(workload), namespace: default}
                    spec:
                      workload: {app: \(name), version: v1}
                      listeners:
                    \(inbound)    outbound: {port: 0}
                        admin: {port: 0}
                      collector: {address: "127.0.0.1:\(collectorPort)"}
                      tracing: {samplingPercentage: 100}
                      accessLog: {path: \(join(dir, "\(name)-access.log"))}
                      services:
                    \(services)
                    """
                }
                let reviewsConfig = join(dir, "reviews.yaml")
                try write(config("reviews-v1", app: "reviews", inbound: "    inbound: {port: 0, app: \"127.0.0.1:\(appPort)\"}\n",
                                 services: "    - {name: reviews, port: 9080, endpoints: [{address: \"127.0.0.1:\(appPort)\", labels: {version: v1}}]}"),
                          to: reviewsConfig)
                let reviews = try await ProxyProcess.start(config: reviewsConfig, workDir: dir, name: "reviews")
                defer { reviews.terminateIfRunning() }
                let productpageConfig = join(dir, "productpage.yaml")
                try write(config("productpage-v1", app: "productpage", inbound: "",
                                 services: "    - {name: reviews, port: 9080, endpoints: [{address: \"127.0.0.1:\(reviews.inbound)\", labels: {version: v1}}]}"),
                          to: productpageConfig)
                let productpage = try await ProxyProcess.start(config: productpageConfig, workDir: dir, name: "productpage")
                defer { productpage.terminateIfRunning() }

                let answer = try await HTTP.get("http://127.0.0.1:\(productpage.outbound)/reviews/1",
                                                headers: [("Host", "reviews:9080"), ("x-request-id", "req-e2e-1")])
                #expect(answer.status == 200 && answer.text == "reviews v1", "\(answer.status) \(answer.text)")

                // Metrics: the caller's proxy reports as source, the callee's as destination with the caller named.
                let sourceStats = try await HTTP.get("http://127.0.0.1:\(productpage.admin)/stats/prometheus").text
                let destinationStats = try await HTTP.get("http://127.0.0.1:\(reviews.admin)/stats/prometheus").text
                func count(_ text: String, _ fragments: [String]) -> Double? {
                    text.split(separator: "\n").first { line in
                        line.hasPrefix("istio_requests_total{") && fragments.allSatisfy { line.contains($0) }
                    }.flatMap { Double($0.split(separator: " ").last ?? "") }
                }
                #expect(count(sourceStats, [#"reporter="source""#, #"source_workload="productpage-v1""#,
                                            #"destination_service_name="reviews""#, #"destination_version="v1""#,
                                            #"response_code="200""#]) == 1, "\(sourceStats.prefix(2000))")
                #expect(count(destinationStats, [#"reporter="destination""#, #"source_workload="productpage-v1""#,
                                                 #"destination_workload="reviews-v1""#, #"response_code="200""#]) == 1,
                        "\(destinationStats.prefix(2000))")

                // Spans: one per hop, one trace, the server span a child of the client span.
                let spans = try await eventually("both hops' spans at the collector", timeout: .seconds(20)) { () async throws -> [Span]? in
                    let found = try await collector.names("/api/v2/services")
                    guard found.contains("productpage.default"), found.contains("reviews.default") else { return nil }
                    let result = try await collector.zipkin("/api/v2/traces?serviceName=reviews.default&limit=1")
                    let traces = try JSONSerialization.jsonObject(with: Data(result.body)) as? [[Any]] ?? []
                    guard let first = traces.first, first.count >= 2 else { return nil }
                    let data = try JSONSerialization.data(withJSONObject: first)
                    return try SpanJSONDecoder.decodeList(Array(data))
                }
                let client = try #require(spans.first { $0.kind == .client })
                let server = try #require(spans.first { $0.kind == .server })
                #expect(client.localServiceName == "productpage.default" && server.localServiceName == "reviews.default")
                #expect(server.parentId == client.id, "server \(server) client \(client)")
                #expect(client.tags["guid:x-request-id"] == "req-e2e-1" && server.tags["guid:x-request-id"] == "req-e2e-1")
                // No VirtualService: the default route to all of the service's endpoints, no subset.
                #expect(client.tags["upstream_cluster"] == "outbound|9080||reviews.default.svc.cluster.local")

                // Access logs: one record per hop at the collector, both with the trace id.
                let records = try await eventually("both hops' access logs at the collector", timeout: .seconds(20)) {
                    () async throws -> [[String: Any]]? in
                    let found = try await collector.allLogRecords("?trace_id=\(client.traceId)")
                    return found.count == 2 ? found : nil
                }
                #expect(Set(records.compactMap { $0["request_id"] as? String }) == ["req-e2e-1"])
                #expect(Set(records.compactMap { ($0["destination"] as? [String: Any])?["service"] as? String }) == ["reviews"])

                #expect(try await productpage.stop() == 0)
                #expect(try await reviews.stop() == 0)
                #expect(try await collector.stop() == 0)
            }
        }
    }
}
