import Foundation
import MeshMetrics
import Storage
import Testing
import Traces

/// `maxBytes` (`storage.max_bytes`, SQLite's `max_page_count`) makes each store behave as
/// on a full disk: the commit that would grow the file past the limit fails with
/// `StorageError.full` and rolls back whole, earlier data stays readable and intact, the
/// store keeps working (smaller writes or a reopen with a higher limit succeed).
@Suite struct StorageFullTests {
    static let limit = 1 << 20

    @Test func traceStoreRefusesPastTheLimitAndResumes() async throws {
        try await withTemporaryDirectory { directory in
            let store = try TraceStore(directory: directory, maxBytes: Self.limit)
            var stored = 0
            var refusal: StorageError?
            for batch in 0..<400 where refusal == nil {
                let spans = try (0..<20).map { index in
                    try span(String(format: "%032x", batch + 1), String(format: "%016x", index + 1), service: "full",
                             name: "s", ts: micros(traceBaseMillis) + Int64(index), duration: 5,
                             tags: ["pad": String(repeating: "x", count: 2048)])
                }
                do {
                    stored += try await store.append(spans).stored
                } catch let error as StorageError {
                    refusal = error
                }
            }
            let error = try #require(refusal, "never refused under a \(Self.limit)-byte limit")
            #expect(error.isStorageFull && error.description.contains("storage full"), "\(error)")
            #expect(stored > 0)
            #expect(try store.reader.trace(id: String(format: "%032x", 1)).count == 20)
            try expectTraceStoreIntact(store)
            try await store.close()
            // A higher limit: the next append is stored, and what was there still is.
            let reopened = try TraceStore(directory: directory, maxBytes: 64 * Self.limit)
            let more = try [span(String(format: "%032x", 9999), "0000000000000001", service: "full", ts: micros(traceBaseMillis))]
            #expect(try await reopened.append(more).stored == 1)
            #expect(try reopened.reader.trace(id: String(format: "%032x", 1)).count == 20)
            try expectTraceStoreIntact(reopened)
            try await reopened.close()
        }
    }

    @Test func logStoreRefusesPastTheLimitAndResumes() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LogStore(directory: directory, maxBytes: Self.limit)
            var refusal: StorageError?
            var stored = 0
            let path = "/" + String(repeating: "p", count: 2048)
            for batch in 0..<400 where refusal == nil {
                let records = try (0..<20).map { try logRecord(at: 1_700_000_000_000_000 + Int64(batch * 20 + $0), path: path,
                                                                requestId: "r-\(batch)-\($0)") }
                do {
                    stored += try await store.append(records).stored
                } catch let error as StorageError {
                    refusal = error
                }
            }
            let error = try #require(refusal, "never refused under a \(Self.limit)-byte limit")
            #expect(error.isStorageFull, "\(error)")
            #expect(stored > 0)
            #expect(try store.reader.integrityCheck() == "ok")
            // A small record may still fit in free space; either way the store is not wedged.
            _ = try? await store.append([logRecord(at: 1_700_000_100_000_000, requestId: "small")])
            try await store.close()
            let reopened = try LogStore(directory: directory, maxBytes: 64 * Self.limit)
            #expect(try await reopened.append([logRecord(at: 1_700_000_200_000_000, requestId: "after")]).stored == 1)
            #expect(try reopened.reader.integrityCheck() == "ok")
            try await reopened.close()
        }
    }

    @Test func metricsStoreRollsBackAFullCommitAndKeepsAppending() async throws {
        try await withTemporaryDirectory { directory in
            func batch(_ round: Int) -> AppendBatch {
                var batch = AppendBatch()
                for index in 0..<500 {
                    batch.append(Labels(name: "full_series", ["id": "\(round)-\(index)", "pad": String(repeating: "v", count: 64)]),
                                 Sample(timestamp: 1_000, value: Double(index)))
                }
                return batch
            }
            var round = 0
            do {
                let store = try MetricsStore(directory: directory, maxBytes: Self.limit)
                var refusal: StorageError?
                while refusal == nil && round < 400 {
                    do {
                        try await store.append(batch(round))
                        round += 1
                    } catch let error as StorageError {
                        refusal = error
                    }
                }
                let error = try #require(refusal, "never refused under a \(Self.limit)-byte limit")
                #expect(error.isStorageFull, "\(error)")
                let stored = try store.reader.select(SeriesSelector(parsing: "full_series").matchers, from: .min, through: .max)
                #expect(stored.count == round * 500, "only whole committed batches are stored")
                #expect(try store.reader.integrityCheck() == "ok")
            }
            // Reopened with room: the refused batch is stored once, everything earlier is intact.
            let store = try MetricsStore(directory: directory, maxBytes: 64 * Self.limit)
            #expect(try await store.append(batch(round)).appended == 500)
            let stored = try store.reader.select(SeriesSelector(parsing: "full_series").matchers, from: .min, through: .max)
            #expect(stored.count == (round + 1) * 500)
            #expect(stored.allSatisfy { $0.samples.count == 1 })
            #expect(try store.reader.integrityCheck() == "ok")
        }
    }
}
