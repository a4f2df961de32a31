import Foundation
import Storage
import Testing
import Traces

/// Prints ingest and lookup figures; asserts only that everything was stored.
@Suite("Trace speed")
struct TraceSpeedTests {
    @Test("append 100,000 spans in batches of 100, then trace-by-id latency")
    func speed() async throws {
        try await withTemporaryDirectory { dir in
            let store = try TraceStore(directory: dir)
            // 10,000 traces of 10 spans, 5 services, 3 tags and one annotation per span:
            // JSON v2 of about 450 bytes each, like an instrumented HTTP call.
            var batches: [[Span]] = []
            var traceIDs: [String] = []
            var current: [Span] = []
            let t0 = micros(traceBaseMillis)
            for t in 0..<10_000 {
                let traceId = String(format: "%016llx%016llx", UInt64(0x5eed) &* UInt64(t + 1), UInt64(t + 1) &* 0x9e37_79b9_7f4a_7c15)
                traceIDs.append(traceId)
                for k in 0..<10 {
                    let ts = t0 + Int64(t) * 1000 + Int64(k) * 10
                    current.append(try span(traceId, String(format: "%x", k + 1), parent: k == 0 ? nil : String(format: "%x", k),
                                            kind: k % 2 == 0 ? .server : .client, service: "service-\(k % 5)",
                                            remote: "service-\((k + 1) % 5)", name: "get /api/items/\(k)", ts: ts,
                                            duration: Int64(100 + k * 7),
                                            tags: ["http.method": "GET", "http.path": "/api/items/\(k)", "http.status_code": "200"],
                                            annotations: [Annotation(timestamp: ts + 1, value: "ws")]))
                    if current.count == 100 { batches.append(current); current = [] }
                }
            }
            let clock = ContinuousClock()
            let start = clock.now
            for batch in batches { try await store.append(batch) }
            let ingest = clock.now - start
            let seconds = Double(ingest.components.seconds) + Double(ingest.components.attoseconds) / 1e18
            #expect(await store.statistics().spans == 100_000)

            var latencies: [Double] = []
            for k in 0..<2000 {
                let id = traceIDs[(k * 7919) % traceIDs.count]
                let s = clock.now
                let trace = try store.reader.trace(id: id)
                let d = clock.now - s
                latencies.append(Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1e3)
                #expect(trace.count == 10)
            }
            latencies.sort()
            let bytes = await store.statistics().bytesOnDisk
            print(String(format: "trace store speed: appended 100000 spans in %.2f s = %.0f spans/s (batches of 100, one commit each, synchronous=NORMAL); %.1f MB on disk",
                         seconds, 100_000 / seconds, Double(bytes) / 1e6))
            print(String(format: "trace store speed: trace(id:) of 10-span traces over 100000 stored spans, 2000 lookups: p50 %.3f ms, p99 %.3f ms",
                         latencies[latencies.count / 2], latencies[latencies.count * 99 / 100]))
            try await store.close()
        }
    }
}
