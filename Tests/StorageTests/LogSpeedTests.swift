import AccessLogs
import Foundation
import Storage
import Testing

/// Prints parse, ingest and lookup figures; asserts only that everything was stored and
/// found. (Debug builds are several times slower than release; `meshscope bench logs`
/// measures properly.)
@Suite("Log speed")
struct LogSpeedTests {
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test("parse and append 100,000 records in NDJSON batches of 1,000, then lookups")
    func speed() async throws {
        let services = ["productpage", "reviews", "ratings", "details", "gateway"]
        var bodies: [[UInt8]] = []
        var traceIDs: [String] = []
        var body: [UInt8] = []
        for i in 0..<100_000 {
            let traceId = String(format: "%016llx%016llx", UInt64(i + 1) &* 0x9e37_79b9_7f4a_7c15, UInt64(i + 7))
            if i % 100 == 0 { traceIDs.append(traceId) }
            let line = istioLogLine(at: logBase + Int64(i) * 10_000, method: i % 7 == 0 ? "POST" : "GET",
                                    path: "/api/v1/items/\(i % 500)?page=\(i % 13)", code: i % 50 == 0 ? 503 : 200,
                                    flags: i % 50 == 0 ? "UF" : "-", durationMs: i % 300, traceId: traceId,
                                    requestId: "1b2c3d4e-0000-4000-8000-\(String(format: "%012d", i))",
                                    cluster: "outbound|9080|v\(i % 3 + 1)|\(services[(i + 1) % 5]).default.svc.cluster.local",
                                    userAgent: "Mozilla/5.0 (X11; Linux x86_64) demo-load/\(i % 4)")
            body += Array(line.utf8)
            body.append(0x0A)
            if i % 1000 == 999 { bodies.append(body); body = [] }
        }
        let clock = ContinuousClock()
        var batches: [[AccessLogRecord]] = []
        let parseStart = clock.now
        for (k, body) in bodies.enumerated() {
            let result = NDJSONBatch.parse(body, defaultService: services[k % 5])
            #expect(result.isValid)
            batches.append(result.records)
        }
        let parseTime = Self.seconds(clock.now - parseStart)

        try await withTemporaryDirectory { dir in
            try await withLogStore(dir) { store in
                let appendStart = clock.now
                for batch in batches { try await store.append(batch) }
                let appendTime = Self.seconds(clock.now - appendStart)
                let indexStart = clock.now
                while try await store.indexPending(limit: 50_000) > 0 {}
                let indexTime = Self.seconds(clock.now - indexStart)
                #expect(await store.statistics().records == 100_000)

                var latencies: [Double] = []
                for (k, id) in traceIDs.enumerated() where k < 500 {
                    let s = clock.now
                    let found = try store.reader.records(traceId: id)
                    latencies.append(Self.seconds(clock.now - s) * 1000)
                    #expect(found.count == 1)
                }
                latencies.sort()
                let end = logBase + 100_000 * 10_000
                let searchStart = clock.now
                let page = try store.reader.search(LogQuery(startMicros: end - 600 * logSecond, endMicros: end,
                                                            service: "reviews", status: .statusClass(5)))
                let searchTime = Self.seconds(clock.now - searchStart) * 1000
                #expect(page.records.count == 100)
                let textStart = clock.now
                let textPage = try store.reader.search(LogQuery(service: "ratings", text: "\"items 42\" demo*"))
                let textTime = Self.seconds(clock.now - textStart) * 1000
                #expect(!textPage.records.isEmpty)
                let bytes = await store.statistics().bytesOnDisk
                print(String(format: "log speed: parsed 100000 NDJSON lines in %.2f s = %.0f lines/s", parseTime, 100_000 / parseTime))
                print(String(format: "log speed: appended 100000 records in %.2f s = %.0f records/s (batches of 1000, one commit each); full-text indexed in %.2f s; %.1f MB on disk",
                             appendTime, 100_000 / appendTime, indexTime, Double(bytes) / 1e6))
                print(String(format: "log speed: records(traceId:) over 100000 records, 500 lookups: p50 %.3f ms, p99 %.3f ms; service+5xx+10 min search %.2f ms; service+text search %.2f ms",
                             latencies[latencies.count / 2], latencies[latencies.count * 99 / 100], searchTime, textTime))
            }
        }
    }
}
