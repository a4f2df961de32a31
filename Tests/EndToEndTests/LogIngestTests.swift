import Foundation
import NIOHTTP1
import Testing
import Traces

extension EndToEnd {
    /// `POST /api/v1/logs` and `GET /api/v1/logs`: the three record shapes, every filter,
    /// cursors, all-or-nothing batches, hostile strings kept exactly, restart.
    @Suite struct LogIngestTests {
        static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/conformance/access-logs")

        /// The conformance examples as one line each.
        static func exampleLine(_ name: String) throws -> String {
            let data = try Data(contentsOf: shared.appendingPathComponent(name))
            let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            return LogLines.json(object)
        }

        @Test func ingestSearchStatsAndRestart() async throws {
            try await withTemporaryDirectory("logs-api") { dir in
                let config = join(dir, "meshscope.yaml")
                // Long retention: the conformance examples are from 2023 and must survive restart.
                try write("limits:\n  max_body_bytes: 200000\nlogs:\n  retention: 5000d\n", to: config)
                var serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let now = Date()
                let trace = "463ac35c9f6413ad48485a3953bb6124"
                var lines = [
                    LogLines.istio(requestId: "r-ok", at: now.addingTimeInterval(-30)),
                    LogLines.istio(requestId: "r-503", at: now.addingTimeInterval(-20), code: 503, flags: "UF,URX", durationMs: 250,
                                   path: "/ratings/1", cluster: "outbound|9080|v2|ratings.default.svc.cluster.local", traceId: trace),
                    LogLines.istio(requestId: "r-404", at: now.addingTimeInterval(-10), code: 404, durationMs: 3, path: "/missing"),
                    try Self.exampleLine("nested-example.json"),
                    try Self.exampleLine("envoy-custom-format-example.json"),
                ]
                // Hostile: quotes, markup, a long path and an invalid UTF-8 byte inside a string.
                let hostilePath = "/q?x=\"<script>alert(1)</script>\"&" + String(repeating: "a", count: 5000)
                var hostile = Array(LogLines.istio(requestId: "r-hostile", at: now, path: hostilePath, userAgent: "ua-XX").utf8)
                let ua = Array("ua-XX".utf8)
                if let at = hostile.indices.first(where: { hostile[$0...].starts(with: ua) }) { hostile[at + 3] = 0xff }
                var body = LogLines.ndjson(lines)
                body += hostile + [0x0a]
                let posted = try await serve.postLogs(body, query: "?service=productpage")
                #expect(posted.status == 202, "\(posted.status) \(posted.text)")
                #expect(posted.text.contains(#""stored":6"#), "\(posted.text)")
                let metrics = try await HTTP.get(serve.baseURL + "/metrics")
                #expect(metrics.text.contains(#"meshscope_storage_records{signal="logs"} 6"#), "\(metrics.text.prefix(3000))")

                // Newest first, everything there; then each filter.
                let all = try await serve.allLogRecords("")
                #expect(all.count == 6)
                #expect(all.first?["request_id"] as? String == "r-hostile")
                func ids(_ query: String) async throws -> Set<String> {
                    Set(try await serve.allLogRecords(query).compactMap { $0["request_id"] as? String })
                }
                #expect(try await ids("?status=5xx") == ["r-503"])
                #expect(try await ids("?status=404") == ["r-404"])
                #expect(try await ids("?min_duration=100ms") == ["r-503"])
                #expect(try await ids("?min_duration=100") == ["r-503"])
                #expect(try await ids("?response_flags=URX") == ["r-503"])
                #expect(try await ids("?trace_id=\(trace.uppercased())") == ["r-503"])
                #expect(try await ids("?request_id=r-404") == ["r-404"])
                #expect(try await ids("?destination=ratings") == ["r-503"])
                #expect(try await ids("?service=ratings&status=5xx&start=\(Int(now.timeIntervalSince1970) - 3600)") == ["r-503"])
                #expect(try await ids("?q=ratings") == ["r-503"])
                #expect(try await ids("?q=%22%2Fmissing%22") == ["r-404"])
                #expect(try await ids("?start=\(Int(now.timeIntervalSince1970) - 15)&end=\(Int(now.timeIntervalSince1970) + 1)")
                    == ["r-404", "r-hostile"])
                #expect(try await serve.allLogRecords("?source=frontend-v1").count == 1) // the nested example
                let custom = try await serve.allLogRecords("?trace_id=463ac35c9f6413ad48485a3953bb6124")
                #expect(custom.count == 2) // r-503 and the custom-format example share the id

                // Paging: limit 2 walks all six exactly once.
                var seen: [String] = []
                var page = try await serve.logRecords("?limit=2")
                seen += page.records.map { ($0["raw"] as? String ?? $0["raw_base64"] as? String ?? "") }
                while let next = page.next {
                    page = try await serve.logRecords("?limit=2&cursor=" + HTTP.encode(next))
                    seen += page.records.map { ($0["raw"] as? String ?? $0["raw_base64"] as? String ?? "") }
                }
                #expect(seen.count == 6 && Set(seen).count == 6)

                // The hostile line comes back byte for byte: as NDJSON, and base64 in JSON.
                let raw = try await HTTP.get(serve.baseURL + "/api/v1/logs?request_id=r-hostile",
                                             headers: [("Accept", "application/x-ndjson")])
                #expect(raw.header("Content-Type") == "application/x-ndjson")
                #expect(raw.body == hostile + [0x0a])
                let hostileJSON = try await serve.logRecords("?request_id=r-hostile").records.first
                #expect((hostileJSON?["raw_base64"] as? String).flatMap { Data(base64Encoded: $0) } == Data(hostile))
                #expect(hostileJSON?["path"] as? String == hostilePath)

                // Stats for the same filters.
                let stats = try await HTTP.get(serve.baseURL + "/api/v1/logs/stats")
                let data = (try JSONSerialization.jsonObject(with: Data(stats.body)) as? [String: Any])?["data"] as? [String: Any]
                #expect(data?["total"] as? Int == 6, "\(stats.text)")
                #expect((data?["byStatusClass"] as? [String: Int])?["5xx"] == 1, "\(stats.text)")

                // One bad line refuses the whole batch, naming the line; nothing of it is stored.
                lines = [LogLines.istio(requestId: "r-new-1"), "{\"start_time\": ", LogLines.istio(requestId: "r-new-2")]
                let refused = try await serve.postLogs(LogLines.ndjson(lines))
                #expect(refused.status == 400, "\(refused.text)")
                #expect(refused.text.contains("bad_data") && refused.text.contains("line 2"), "\(refused.text)")
                #expect(try await serve.allLogRecords("").count == 6)
                // Bad filters are 400 in Prometheus' envelope.
                for query in ["?status=6xx", "?min_duration=fast", "?trace_id=xyz", "?cursor=nope", "?limit=0", "?start=soon"] {
                    let answer = try await HTTP.get(serve.baseURL + "/api/v1/logs" + query)
                    #expect(answer.status == 400 && answer.text.contains("bad_data"), "\(query): \(answer.status) \(answer.text)")
                }
                // gzip is read; over the body limit is 413; unknown encodings 415.
                let zipped = try gzipCompressed(LogLines.ndjson([LogLines.istio(requestId: "r-gzip")]), workDir: dir)
                #expect(try await serve.postLogs(zipped, encoding: "gzip").status == 202)
                let big = LogLines.ndjson(Array(repeating: LogLines.istio(requestId: "r-big"), count: 400))
                #expect(try await serve.postLogs(big).status == 413)
                #expect(try await serve.postLogs(body, encoding: "br").status == 415)
                let wrongMethod = try await HTTP.sendBody(serve.baseURL + "/api/v1/logs", method: .DELETE)
                #expect(wrongMethod.status == 405)

                // Restart on the same data: everything is still there, full text too.
                #expect(try await serve.stop() == 0)
                serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                #expect(try await serve.allLogRecords("").count == 7)
                #expect(try await ids("?q=ratings") == ["r-503"])
                #expect(try await serve.stop() == 0)
            }
        }

        /// A record without a trace id joins its trace through the request id that the
        /// trace's spans carry as `guid:x-request-id`, as Envoy tags them.
        @Test func traceLogsJoinByTraceIdAndRequestId() async throws {
            try await withTemporaryDirectory("logs-trace") { dir in
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: nil, workDir: dir)
                defer { serve.terminateIfRunning() }
                let trace = "0000000000abc123"
                let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
                try await serve.postJSON([
                    try Span(traceId: trace, id: "1", kind: .server, name: "get /", timestamp: now, duration: 1000,
                             localEndpoint: try Endpoint(serviceName: "productpage"), tags: ["guid:x-request-id": "req-joined"]),
                ])
                let lines = [
                    LogLines.istio(requestId: "req-joined"),
                    LogLines.istio(requestId: "req-with-trace", traceId: "abc123"),
                    LogLines.istio(requestId: "req-other", traceId: "def456"),
                ]
                #expect(try await serve.postLogs(LogLines.ndjson(lines)).status == 202)
                let answer = try await HTTP.get(serve.baseURL + "/api/v1/traces/\(trace)/logs")
                let records = ((try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])?["data"]
                    as? [String: Any])?["records"] as? [[String: Any]] ?? []
                #expect(Set(records.compactMap { $0["request_id"] as? String }) == ["req-joined", "req-with-trace"], "\(answer.text)")
                #expect(try await serve.stop() == 0)
            }
        }
    }
}
