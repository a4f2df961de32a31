import Foundation
import Testing

extension EndToEnd {
    /// The query guard rails against a real serve: per-query timeout (parameter and
    /// config), cancellation of a running query, the slow-query log, and a sample limit
    /// that stops a query of death before it decodes its data.
    @Suite struct APIGuardRailTests {
        /// About 600,000 subquery steps per range step, 61 steps: tens of seconds of
        /// evaluation over no data at all, so only a stop ends it early.
        static let slowRange: [(String, String)] = [
            ("query", "count_over_time(vector(1)[10m:1ms])"), ("start", "1700000000"), ("end", "1700000600"), ("step", "10"),
        ]
        /// A slow query over stored data: 600,000 steps reading three series.
        static let slowInstant = "count_over_time(api_requests_total[10m:1ms])"

        static func sections(timeout: String = "2m") -> String {
            "query:\n  timeout: \(timeout)\n  slow_query_threshold: 200ms\n  slow_query_log_size: 3\n"
        }

        @Test func timeoutCancellationAndSlowQueryLog() async throws {
            try await withTemporaryDirectory("api-guard") { dir in
                let serve = try await APIServer.start(in: dir, sections: Self.sections())
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)
                let clock = ContinuousClock()

                let fast = try await api.get("/api/v1/query", [("query", "1+1")])
                #expect(fast.isSuccess, "\(fast)")

                // The `timeout` parameter: answered `timeout`, 503, soon after the deadline.
                var started = clock.now
                let timedOut = try await api.get("/api/v1/query", [
                    ("query", Self.slowInstant), ("time", String(APIDataset.time(200) / 1000)), ("timeout", "300ms"),
                ])
                var elapsed = clock.now - started
                #expect(timedOut.status == 503 && timedOut.errorType == "timeout", "\(timedOut)")
                #expect(timedOut.error == "query timed out in expression evaluation")
                #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(3), "answered after \(elapsed)")
                // It is in the slow-query log with its cost: three series, 61 samples each
                // in the 10m range plus the 5m lookback before it.
                let first = try await api.get("/api/v1/status/slow_queries").dataArray as? [[String: Any]] ?? []
                #expect(first.count == 1 && first.first?["query"] as? String == Self.slowInstant, "\(first)")
                #expect(first.first?["status"] as? String == "timeout" && first.first?["type"] as? String == "instant")
                #expect((first.first?["params"] as? [String: String])?["timeout"] == "300ms")
                #expect(first.first?["seriesTouched"] as? Int == 3 && first.first?["samplesDecoded"] as? Int == 183, "\(first)")

                // A running query is listed, cancelled with DELETE, and its own request is
                // answered `canceled` (499, as Prometheus 3).
                let slow = Task { try await api.get("/api/v1/query_range", Self.slowRange, timeout: .seconds(60)).outcome }
                // Listed once it has run past the slow-query threshold, so the log keeps it.
                let running = try await eventually("the slow query listed as running", context: serve.logTail) {
                    () async throws -> [String: Any]? in
                    let first = try await api.get("/api/v1/status/running_queries").dataArray.first as? [String: Any]
                    return ((first?["elapsed"] as? NSNumber)?.doubleValue ?? 0) >= 0.3 ? first : nil
                }
                #expect(running["query"] as? String == "count_over_time(vector(1)[10m:1ms])")
                #expect(running["type"] as? String == "range")
                #expect((running["params"] as? [String: String])?["step"] == "10")
                #expect(((running["elapsed"] as? NSNumber)?.doubleValue ?? -1) >= 0 && running["started"] is String)
                let id = try #require(running["id"] as? String)
                started = clock.now
                let cancel = try await api.send(.DELETE, "/api/v1/status/running_queries/\(id)", body: nil)
                #expect(cancel.status == 200 && cancel.dataObject["canceled"] as? Bool == true, "\(cancel)")
                let cancelled = try await slow.value
                elapsed = clock.now - started
                #expect(cancelled.status == 499 && cancelled.errorType == "canceled", "\(cancelled)")
                #expect(cancelled.error == "query was canceled in expression evaluation")
                #expect(elapsed < .seconds(2), "the cancelled query answered \(elapsed) after DELETE")
                let after = try await api.get("/api/v1/status/running_queries")
                #expect(after.isSuccess && after.dataArray.isEmpty, "\(after)")
                let again = try await api.send(.DELETE, "/api/v1/status/running_queries/\(id)", body: nil)
                #expect(again.status == 404 && again.errorType == "not_found", "\(again)")
                let bad = try await api.send(.DELETE, "/api/v1/status/running_queries?id=first", body: nil)
                #expect(bad.status == 400 && bad.errorType == "bad_data", "\(bad)")

                // The `?id=` form cancels too.
                let second = Task { try await api.post("/api/v1/query_range", Self.slowRange, timeout: .seconds(60)).outcome }
                let secondID = try await eventually("the second slow query listed", context: serve.logTail) {
                    () async throws -> String? in
                    let first = try await api.get("/api/v1/status/running_queries").dataArray.first as? [String: Any]
                    return ((first?["elapsed"] as? NSNumber)?.doubleValue ?? 0) >= 0.3 ? first?["id"] as? String : nil
                }
                let byQuery = try await api.send(.DELETE, "/api/v1/status/running_queries?id=\(secondID)", body: nil)
                #expect(byQuery.status == 200, "\(byQuery)")
                #expect(try await second.value.errorType == "canceled")

                // The config's timeout applies after a reload, without a parameter.
                try await APIServer.reconfigure(serve, in: dir, sections: Self.sections(timeout: "400ms"))
                started = clock.now
                let configured = try await api.get("/api/v1/query_range", Self.slowRange)
                elapsed = clock.now - started
                #expect(configured.status == 503 && configured.errorType == "timeout", "\(configured)")
                #expect(elapsed < .seconds(3), "answered after \(elapsed)")
                let config = try await api.get("/api/v1/status/config")
                #expect((config.dataObject["yaml"] as? String)?.contains("timeout: 400ms") == true, "\(config)")

                // The slow-query log: four slow queries, the newest three kept, newest
                // first, with their cost; the fast query is not there.
                let log = try await api.get("/api/v1/status/slow_queries").dataArray as? [[String: Any]] ?? []
                #expect(log.count == 3, "\(log)")
                #expect(log.map { $0["status"] as? String } == ["timeout", "canceled", "canceled"])
                #expect(!log.contains { $0["query"] as? String == "1+1" })
                let ids = log.compactMap { Int($0["id"] as? String ?? "") }
                #expect(ids == ids.sorted(by: >), "newest first: \(ids)")
                #expect(log.allSatisfy { (($0["duration"] as? NSNumber)?.doubleValue ?? 0) >= 0.2 })
                #expect(log.allSatisfy { ($0["params"] as? [String: String])?["step"] == "10" }, "the three range queries")
                try await serve.stop()
                #expect(serve.logs.contains("slow query"), "slow queries are logged too")
            }
        }

        /// A query over more samples than `query.max_samples` fails with Prometheus'
        /// execution error as soon as the limit is passed: quickly, and without the
        /// memory the whole selection would take, which the same query shows once the
        /// limit is raised.
        @Test func concurrencyLimitQueuesQueriesAgainstTheirTimeout() async throws {
            try await withTemporaryDirectory("api-queue") { dir in
                let serve = try await APIServer.start(in: dir, sections: "query:\n  max_concurrency: 1\n")
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)
                // The only slot: a query that runs until it is cancelled.
                let slow = Task { try await api.post("/api/v1/query_range", Self.slowRange, timeout: .seconds(60)).outcome }
                let slowID = try await eventually("the slow query running", context: serve.logTail) { () async throws -> String? in
                    let first = try await api.get("/api/v1/status/running_queries").dataArray.first as? [String: Any]
                    return first?["state"] as? String == "running" ? first?["id"] as? String : nil
                }
                // A query waiting longer than its timeout for the slot: timed out in the queue.
                let timedOut = try await api.get("/api/v1/query", [("query", "1+1"), ("timeout", "300ms")])
                #expect(timedOut.status == 503 && timedOut.error == "query timed out in query queue", "\(timedOut)")
                // Another waits, listed as queued; cancelled there, it says so.
                let queued = Task { try await api.get("/api/v1/query", [("query", "2+2")]).outcome }
                let queuedID = try await eventually("the second query queued", context: serve.logTail) { () async throws -> String? in
                    let all = try await api.get("/api/v1/status/running_queries").dataArray as? [[String: Any]] ?? []
                    return all.first { $0["state"] as? String == "queued" }?["id"] as? String
                }
                _ = try await api.send(.DELETE, "/api/v1/status/running_queries/\(queuedID)", body: nil)
                let cancelled = try await queued.value
                #expect(cancelled.status == 499 && cancelled.error == "query was canceled in query queue", "\(cancelled)")
                // A third waits, and runs once the slow one is cancelled.
                let waiting = Task { try await api.get("/api/v1/query", [("query", "3+3")]).outcome }
                _ = try await eventually("the third query queued", context: serve.logTail) { () async throws -> Bool? in
                    let all = try await api.get("/api/v1/status/running_queries").dataArray as? [[String: Any]] ?? []
                    return all.contains { $0["state"] as? String == "queued" } ? true : nil
                }
                _ = try await api.send(.DELETE, "/api/v1/status/running_queries/\(slowID)", body: nil)
                #expect(try await slow.value.status == 499)
                let ran = try await waiting.value
                #expect(ran.status == 200 && ran.text.contains(#""6""#), "\(ran)")
                try await serve.stop()
            }
        }

        @Test func sampleLimitFailsFast() async throws {
            try await withTemporaryDirectory("api-samples") { dir in
                // 1.44 million samples (23 MB decoded); few series with long histories, so
                // resolving the selector costs little next to decoding.
                let series = 500, samples = 2_880
                let serve = try await APIServer.start(in: dir, sections: "query:\n  max_samples: 10000\n",
                                                      big: (series, samples))
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)
                let query: [(String, String)] = [
                    ("query", "sum(count_over_time(api_big_total[12h]))"), ("time", String(APIDataset.time(samples - 1) / 1000)),
                ]
                let clock = ContinuousClock()
                _ = try await api.get("/api/v1/query", [("query", "1")])  // warm up the HTTP path

                let canReset = APIServer.resetPeakMemory(serve)
                var before = try APIServer.memory(serve, canReset ? "VmRSS" : "VmHWM")
                var started = clock.now
                let refused = try await api.get("/api/v1/query", query)
                let refusedTime = clock.now - started
                let refusedGrowth = try APIServer.memory(serve, "VmHWM") - before
                #expect(refused.status == 422 && refused.errorType == "execution", "\(refused)")
                #expect(refused.error == "query processing would load too many samples into memory in query execution")

                try await APIServer.reconfigure(serve, in: dir, sections: "query:\n  max_samples: 50000000\n")
                _ = APIServer.resetPeakMemory(serve)
                before = try APIServer.memory(serve, canReset ? "VmRSS" : "VmHWM")
                started = clock.now
                let allowed = try await api.get("/api/v1/query", query)
                let allowedTime = clock.now - started
                let allowedGrowth = try APIServer.memory(serve, "VmHWM") - before
                #expect(allowed.result.first?.point?.1 == String(series * samples), "\(allowed)")

                print("sample limit: refused in \(refusedTime) (+\(refusedGrowth >> 20) MiB peak), "
                      + "allowed in \(allowedTime) (+\(allowedGrowth >> 20) MiB peak)")
                // Faster than the full query; the memory bounds below are the sharp test (times
                // on a loaded 2-core runner are too noisy for a tighter ratio).
                #expect(refusedTime < allowedTime, "refused in \(refusedTime), the full query took \(allowedTime)")
                #expect(refusedGrowth < 8 << 20, "the refused query grew the peak RSS by \(refusedGrowth) bytes")
                #expect(allowedGrowth > refusedGrowth + (16 << 20), "the full query grew the peak RSS by \(allowedGrowth) bytes")
                try await serve.stop()
            }
        }
    }
}
