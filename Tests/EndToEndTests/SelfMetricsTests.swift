import Foundation
import MeshMetrics
import Testing

extension EndToEnd {
    /// serve's own `/metrics`: gzip only when asked for, and request counts per route.
    @Suite struct SelfMetricsTests {
        @Test func metricsEncodingAndRequestCounts() async throws {
            try await withTemporaryDirectory("metrics") { dir in
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: nil, workDir: dir)
                defer { serve.terminateIfRunning() }
                for _ in 0..<3 { _ = try await HTTP.get(serve.baseURL + "/-/healthy") }
                for _ in 0..<2 { _ = try await serve.federateRaw([#"{job="none"}"#]) }
                #expect(try await serve.federateRaw([]).status == 400)

                let plain = try await HTTP.get(serve.baseURL + "/metrics")
                #expect(plain.status == 200)
                #expect(plain.header("Content-Encoding") == nil, "plain unless asked")
                #expect(plain.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
                let parsed = try ExpositionParser.parse(plain.body, format: .prometheusText)
                func requests(_ route: String, _ code: String, in exposition: ParsedExposition) -> Double? {
                    exposition.samples(named: "meshscope_http_requests_total").first {
                        $0.labels["route"] == route && $0.labels["code"] == code && $0.labels["method"] == "GET"
                    }?.value
                }
                #expect(requests("/-/healthy", "200", in: parsed) == 3, "\(plain.text)")
                #expect(requests("/federate", "200", in: parsed) == 2)
                #expect(requests("/federate", "400", in: parsed) == 1)
                #expect(parsed.metadata(for: "meshscope_http_requests_total")?.type == .counter)
                #expect(parsed.metadata(for: "meshscope_http_request_duration_seconds")?.type == .histogram)
                #expect(parsed.samples(named: "meshscope_build_info").first?.value == 1)

                for encoding in ["gzip", "deflate, gzip;q=0.8"] {
                    let compressed = try await HTTP.get(serve.baseURL + "/metrics", headers: [("Accept-Encoding", encoding)])
                    #expect(compressed.status == 200)
                    #expect(compressed.header("Content-Encoding") == "gzip", "Accept-Encoding: \(encoding)")
                    let isGzip = Gzip.isGzip(compressed.body)
                    #expect(isGzip, "a gzip body")
                    let inflated = try ExpositionParser.parse(try Gzip.decode(compressed.body, workDir: dir), format: .prometheusText)
                    #expect((requests("/metrics", "200", in: inflated) ?? 0) >= 1, "the plain /metrics request is counted")
                }
                for encoding in ["identity", "gzip;q=0", "br"] {
                    let plain = try await HTTP.get(serve.baseURL + "/metrics", headers: [("Accept-Encoding", encoding)])
                    let isGzip = Gzip.isGzip(plain.body)
                    #expect(plain.header("Content-Encoding") == nil && !isGzip, "Accept-Encoding: \(encoding)")
                }
                #expect(try await serve.stop() == 0)
            }
        }
    }
}
