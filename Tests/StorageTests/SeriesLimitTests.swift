import Foundation
import MeshMetrics
import Storage
import Testing

/// `limits.max_series_per_metric` as the metrics store enforces it: counted per metric
/// name from the store's own series, checked before any series is created.
@Suite("Series per metric limit") struct SeriesLimitTests {
    static func batch(_ name: String, _ values: ClosedRange<Int>, at t: Int64) -> AppendBatch {
        var batch = AppendBatch()
        for value in values {
            batch.append(Labels(["__name__": name, "n": "\(value)"]), Sample(timestamp: t, value: Double(value)))
        }
        return batch
    }

    @Test func refusesNewSeriesPastTheLimitOnly() async throws {
        let directory = NSTemporaryDirectory() + "meshscope-series-limit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try MetricsStore(directory: directory)
        await store.setMaxSeriesPerMetric(3)
        try await store.append(Self.batch("a", 1...3, at: 1000))
        #expect(await store.seriesCount(metric: "a") == 3)
        // One more series of `a`: the whole batch is refused, nothing of it stored.
        var mixed = Self.batch("a", 1...4, at: 2000)
        mixed.append(Labels(["__name__": "b", "n": "1"]), Sample(timestamp: 2000, value: 1))
        await #expect(throws: SeriesLimitError.self) { try await store.append(mixed) }
        #expect(await store.seriesCount(metric: "a") == 3)
        #expect(await store.seriesCount(metric: "b") == 0)
        #expect(await store.seriesLimitRejections == 1)
        #expect(await store.statistics().series == 3)
        // Existing series keep being accepted at the limit; other names have their own count.
        try await store.append(Self.batch("a", 1...3, at: 3000))
        try await store.append(Self.batch("b", 1...3, at: 3000))
        #expect(await store.seriesCount(metric: "b") == 3)
        // Retention frees places; 0 lifts the limit.
        try await store.applyRetention(cutoff: 10_000)
        #expect(await store.seriesCount(metric: "a") == 0)
        try await store.append(Self.batch("a", 10...12, at: 20_000))
        await store.setMaxSeriesPerMetric(0)
        try await store.append(Self.batch("a", 1...50, at: 30_000))
        #expect(await store.seriesCount(metric: "a") == 50)
    }

    @Test func countsSurviveReopen() async throws {
        let directory = NSTemporaryDirectory() + "meshscope-series-limit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let store = try MetricsStore(directory: directory)
            try await store.append(Self.batch("a", 1...5, at: 1000))
            await store.checkpoint()
        }
        let reopened = try MetricsStore(directory: directory)
        #expect(await reopened.seriesCount(metric: "a") == 5)
        await reopened.setMaxSeriesPerMetric(5)
        await #expect(throws: SeriesLimitError.self) { try await reopened.append(Self.batch("a", 6...6, at: 2000)) }
    }
}
