import Foundation
import Storage
import Testing
import Traces

/// `/api/v2/dependencies` reads whole minutes from a cache: every answer must still equal
/// Zipkin's links computed from scratch over the traces in the window, whatever arrived
/// late, moved minute, or was removed by retention.
@Suite("Dependency links per minute")
struct DependencyMinutesTests {
    /// Zipkin's answer from scratch: every trace whose timestamp is in the window (ms).
    static func expected(_ traces: [[Span]], endTs: Int64, lookback: Int64) -> [DependencyLink] {
        var linker = DependencyLinker()
        let window = micros(endTs - lookback)...micros(endTs)
        for spans in traces {
            if let ts = TraceQuery.traceTimestamp(spans), window.contains(ts) { linker.putTrace(spans) }
        }
        return sorted(linker.link())
    }

    static func sorted(_ links: [DependencyLink]) -> [DependencyLink] {
        links.sorted { ($0.parent, $0.child) < ($1.parent, $1.child) }
    }

    /// A caller → callee call as two spans of one shared id, erroring on request.
    static func call(_ trace: String, _ id: Int, parent: Int?, _ caller: String, _ callee: String, at ts: Int64,
                     error: Bool = false) throws -> [Span] {
        let spanID = String(format: "%016x", id), parentID = parent.map { String(format: "%016x", $0) }
        return [
            try span(trace, spanID, parent: parentID, kind: .client, service: caller, remote: callee, ts: ts, duration: 50),
            try span(trace, spanID, parent: parentID, kind: .server, service: callee, ts: ts + 5, duration: 40,
                     tags: error ? ["error": "500"] : [:], shared: true),
        ]
    }

    @Test("random traces over 40 minutes: every window, cold and warm, equals the links from scratch")
    func windowsEqualLinksFromScratch() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                let services = ["gateway", "cart", "pay", "stock", "mail"]
                var rng = SystemRandomNumberGenerator()
                var traces: [[Span]] = []
                for index in 0..<400 {
                    let trace = String(format: "%016x", 0x5000 + index)
                    let start = micros(traceBaseMillis) + Int64.random(in: 0..<(40 * micros(traceMinute)), using: &rng)
                    var spans = try Self.call(trace, 1, parent: nil, "gateway", services.randomElement(using: &rng)!, at: start)
                    // Children up to 2 minutes later, so traces straddle minutes.
                    for child in 2..<Int.random(in: 2...5, using: &rng) {
                        let offset = Int64.random(in: 0..<(2 * micros(traceMinute)), using: &rng)
                        spans += try Self.call(trace, child, parent: 1, services.randomElement(using: &rng)!,
                                               services.randomElement(using: &rng)!, at: start + offset,
                                               error: Bool.random(using: &rng))
                    }
                    traces.append(spans)
                }
                try await store.append(traces.flatMap { $0 })
                let windows: [(endTs: Int64, lookback: Int64)] = [
                    (traceBaseMillis + 41 * traceMinute, 86_400_000),                     // everything, whole minutes
                    (traceBaseMillis + 20 * traceMinute + 12_345, 7 * traceMinute + 999), // ragged edges
                    (traceBaseMillis + 10 * traceMinute, traceMinute),                    // exactly one minute
                    (traceBaseMillis + 33 * traceMinute + 1, 30_000),                     // inside one minute
                    (traceBaseMillis + 41 * traceMinute, 86_400_000),                     // everything again, warm
                ]
                for _ in 0..<2 {
                    for window in windows {
                        let answer = try store.reader.dependencies(endTs: window.endTs, lookback: window.lookback)
                        #expect(Self.sorted(answer) == Self.expected(traces, endTs: window.endTs, lookback: window.lookback),
                                "window \(window)")
                    }
                }
            }
        }
    }

    @Test("a late child and a late root change the cached minutes they touch")
    func lateSpansInvalidateTheirMinutes() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                let t0 = micros(traceBaseMillis)
                let minute = micros(traceMinute)
                let endTs = traceBaseMillis + 30 * traceMinute
                // Trace A starts in minute 2; trace B is first seen by a child in minute 10.
                var a = try Self.call("000000000000000a", 1, parent: nil, "web", "api", at: t0 + 2 * minute)
                var b = try Self.call("000000000000000b", 2, parent: 1, "api", "db", at: t0 + 10 * minute)
                try await store.append(a + b)
                let whole = { try store.reader.dependencies(endTs: endTs, lookback: 30 * traceMinute) }
                let minuteTen = { try store.reader.dependencies(endTs: traceBaseMillis + 11 * traceMinute, lookback: traceMinute) }
                #expect(Self.sorted(try whole()) == Self.expected([a, b], endTs: endTs, lookback: 30 * traceMinute))
                #expect(Self.sorted(try minuteTen()) == [DependencyLink(parent: "api", child: "db", callCount: 1)])

                // A late child of A, stamped in minute 25: A's minute 2 was cached without it.
                let late = try Self.call("000000000000000a", 3, parent: 1, "api", "cache", at: t0 + 25 * minute, error: true)
                try await store.append(late)
                a += late
                #expect(Self.sorted(try whole()) == Self.expected([a, b], endTs: endTs, lookback: 30 * traceMinute))

                // B's root arrives, stamped in minute 4: the trace moves from minute 10 to 4.
                let root = try Self.call("000000000000000b", 1, parent: nil, "web", "api", at: t0 + 4 * minute)
                try await store.append(root)
                b += root
                #expect(try minuteTen().isEmpty, "B no longer starts in minute 10")
                #expect(Self.sorted(try whole()) == Self.expected([a, b], endTs: endTs, lookback: 30 * traceMinute))
            }
        }
    }

    @Test("retention: the answer follows the spans that remain, including after the newest row is deleted")
    func retentionDropsMinutes() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                let t0 = micros(traceBaseMillis)
                let minute = micros(traceMinute)
                let endTs = traceBaseMillis + 200 * traceMinute
                let lookback: Int64 = 86_400_000
                let old = try Self.call("00000000000000a1", 1, parent: nil, "web", "old", at: t0)
                let recent = try Self.call("00000000000000a2", 1, parent: nil, "web", "recent", at: t0 + 150 * minute)
                try await store.append(old + recent)
                #expect(Self.sorted(try store.reader.dependencies(endTs: endTs, lookback: lookback))
                    == Self.expected([old, recent], endTs: endTs, lookback: lookback))
                try await store.applyRetention(cutoffMicros: t0 + 60 * minute)
                #expect(Self.sorted(try store.reader.dependencies(endTs: endTs, lookback: lookback))
                    == Self.expected([recent], endTs: endTs, lookback: lookback))

                // A span stamped before the cutoff arrives last, is the newest row, and goes at the
                // next retention: the id SQLite hands out next must still be seen.
                try await store.append(try Self.call("00000000000000a3", 1, parent: nil, "web", "ancient", at: t0 + minute))
                _ = try store.reader.dependencies(endTs: endTs, lookback: lookback)
                try await store.applyRetention(cutoffMicros: t0 + 60 * minute)
                let next = try Self.call("00000000000000a2", 7, parent: 1, "recent", "db", at: t0 + 150 * minute + 10)
                try await store.append(next)
                #expect(Self.sorted(try store.reader.dependencies(endTs: endTs, lookback: lookback))
                    == Self.expected([recent + next], endTs: endTs, lookback: lookback))
            }
        }
    }

    @Test("appends racing queries: the final answer equals the links from scratch")
    func concurrentAppendsAndQueries() async throws {
        try await withTemporaryDirectory { dir in
            try await withTraceStore(dir) { store in
                let t0 = micros(traceBaseMillis)
                let endTs = traceBaseMillis + 20 * traceMinute
                var traces: [[Span]] = []
                for index in 0..<200 {
                    let trace = String(format: "%016x", 0x9000 + index)
                    let at = t0 + Int64(index % 15) * micros(traceMinute) + Int64(index)
                    traces.append(try Self.call(trace, 1, parent: nil, "a", "b", at: at)
                        + Self.call(trace, 2, parent: 1, "b", index % 3 == 0 ? "c" : "d", at: at + micros(traceMinute) / 2))
                }
                let reader = store.reader
                let all = traces
                // Each trace in two halves: the first halves are cached, the second ones race the queries.
                for spans in all { try await store.append(Array(spans.prefix(2))) }
                _ = try reader.dependencies(endTs: endTs, lookback: 20 * traceMinute)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for spans in all { try await store.append(Array(spans.suffix(2))) }
                    }
                    for _ in 0..<2 {
                        group.addTask {
                            for _ in 0..<40 { _ = try reader.dependencies(endTs: endTs, lookback: 20 * traceMinute) }
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(Self.sorted(try reader.dependencies(endTs: endTs, lookback: 20 * traceMinute))
                    == Self.expected(traces, endTs: endTs, lookback: 20 * traceMinute))
            }
        }
    }
}
