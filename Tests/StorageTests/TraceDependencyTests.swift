import Foundation
import Storage
import Testing
import Traces

@Suite("Trace dependencies and edge metrics")
struct TraceDependencyTests {
    @Test("dependency links for a known topology: RPC, an error, messaging, window")
    func dependencies() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                try await store.append(try multiServiceTrace("0000000000000001", at: traceBaseMillis - 10 * traceMinute))
                try await store.append(try multiServiceTrace("0000000000000002", at: traceBaseMillis - 5 * traceMinute))
                try await store.append(try multiServiceTrace("0000000000000003", at: traceBaseMillis - 90 * traceMinute))
                let links = try store.reader.dependencies(endTs: traceBaseMillis, lookback: 60 * traceMinute)
                    .sorted { ($0.parent, $0.child) < ($1.parent, $1.child) }
                #expect(links == [
                    DependencyLink(parent: "backend", child: "kafka", callCount: 2),
                    DependencyLink(parent: "backend", child: "mysql", callCount: 2, errorCount: 2),
                    DependencyLink(parent: "frontend", child: "backend", callCount: 2),
                    DependencyLink(parent: "kafka", child: "worker", callCount: 2),
                ])
                // One-minute lookback around the newest trace only.
                let recent = try store.reader.dependencies(endTs: traceBaseMillis - 5 * traceMinute + 1, lookback: traceMinute)
                #expect(recent.map(\.callCount) == [1, 1, 1, 1])
                #expect(try store.reader.dependencies(endTs: traceBaseMillis, lookback: traceMinute) == [])
                #expect(throws: TraceQueryError.self) { try store.reader.dependencies(endTs: traceBaseMillis, lookback: 0) }
            }
        }
    }

    @Test("edge metrics: calls, errors and nearest-rank percentiles from client/server pairs")
    func edgeMetrics() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                var spans: [Span] = []
                let t0 = micros(traceBaseMillis)
                for k in 1...100 {
                    let trace = String(format: "%016x", 0x1000 + k)
                    let ts = t0 + Int64(k) * 1000
                    // a → b: both halves; the client's duration is the latency, errors on 7 server halves.
                    spans.append(try span(trace, "1", kind: .client, service: "a", remote: "b", name: "call",
                                          ts: ts, duration: Int64(k) * 10))
                    spans.append(try span(trace, "1", kind: .server, service: "b", name: "call", ts: ts + 1,
                                          duration: Int64(k) * 5, tags: k % 15 == 0 ? ["error": "500"] : [:], shared: true))
                }
                // b → c with only the client side (c uninstrumented), c → d with only the server side.
                spans.append(try span("0000000000000f01", "1", kind: .client, service: "b", remote: "c", ts: t0 + 5, duration: 42))
                spans.append(try span("0000000000000f02", "2", parent: "1", kind: .server, service: "d", remote: "c",
                                      ts: t0 + 6, duration: 17, tags: ["error": ""]))
                // One span per side (B3 non-shared): the server's parent is the client.
                spans.append(try span("0000000000000f03", "1", kind: .client, service: "e", remote: "f", ts: t0 + 7, duration: 90))
                spans.append(try span("0000000000000f03", "2", parent: "1", kind: .server, service: "f", ts: t0 + 8, duration: 80))
                // Outside the range.
                spans.append(try span("0000000000000f04", "1", kind: .client, service: "a", remote: "b", ts: t0 - 1, duration: 1))
                try await store.append(spans)

                let edges = try store.reader.edgeMetrics(fromMicros: t0, toMicros: t0 + 200_000)
                #expect(edges == [
                    EdgeMetrics(caller: "a", callee: "b", calls: 100, errors: 6, p50: 500, p95: 950, p99: 990),
                    EdgeMetrics(caller: "b", callee: "c", calls: 1, errors: 0, p50: 42, p95: 42, p99: 42),
                    EdgeMetrics(caller: "c", callee: "d", calls: 1, errors: 1, p50: 17, p95: 17, p99: 17),
                    EdgeMetrics(caller: "e", callee: "f", calls: 1, errors: 0, p50: 90, p95: 90, p99: 90),
                ])
                let trace = try multiServiceTrace("0000000000000777", at: traceBaseMillis + 10 * traceMinute)
                try await store.append(trace)
                let t = micros(traceBaseMillis + 10 * traceMinute)
                let fromTrace = try store.reader.edgeMetrics(fromMicros: t, toMicros: t + 1000)
                #expect(fromTrace.map { "\($0.caller)>\($0.callee):\($0.calls)/\($0.errors)/\($0.p50 ?? -1)" }
                        == ["backend>kafka:1/0/10", "backend>mysql:1/1/300", "frontend>backend:1/0/800", "kafka>worker:1/0/20"])
            }
        }
    }
}
