import MeshMetrics
import Storage
import Testing

/// Retention deletes whole chunks older than the cutoff, then the series and label
/// pairs left without data; a deleted series can be written again.
@Suite("Retention")
struct RetentionTests {
    /// Only in the first 50 minutes: one chunk, wholly old.
    let old = Labels(name: "legacy_jobs", ["job": "batch", "kind": "legacy"])
    /// 300 samples one minute apart: chunks [0, 119], [120, 239], [240, 299] minutes.
    let mixed = Labels(name: "queue_depth", ["job": "batch"])
    /// Starts 5 h in: wholly new.
    let fresh = Labels(name: "queue_depth", ["job": "stream"])

    let oldSamples = regularSamples(from: baseTime, step: 10 * minute, count: 6) { Double($0) }
    let mixedSamples = regularSamples(from: baseTime, step: minute, count: 300) { Double($0) }
    let freshSamples = regularSamples(from: baseTime + 5 * hour, step: minute, count: 10) { Double($0) }

    private func populated(_ factory: StoreFactory, _ directory: String) async throws -> any MetricsStoreUnderTest {
        let store = try factory.open(directory)
        _ = try await store.append(batch(old, oldSamples))
        try await appendInBatches(store, mixed, mixedSamples, size: 25)
        _ = try await store.append(batch(fresh, freshSamples))
        #expect(await store.statistics().chunks == 1 + 3 + 1)
        return store
    }

    @Test("chunks wholly older than the cutoff go, the others stay whole", arguments: StoreFactory.all)
    func deletesWholeChunks(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await populated(factory, directory)
            // 200 min: old's chunk (ends at 50) and mixed's first (ends at 119) are older.
            // mixed's second chunk ends at 239, so it stays with its samples from 120 on.
            let cutoff = baseTime + 200 * minute
            let summary = try await store.applyRetention(cutoff: cutoff)
            #expect(summary.chunksDeleted == 2)
            #expect(summary.emptySeries.count == 1)

            let stored = try await store.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(Set(stored.map(\.labels)) == [mixed, fresh])
            #expect(samples(of: mixed, in: stored) == bits(Array(mixedSamples[120...])))
            #expect(samples(of: fresh, in: stored) == bits(freshSamples))
            let statistics = await store.statistics()
            #expect(statistics.series == 2)
            #expect(statistics.chunks == 3)

            // A chunk ending exactly at the cutoff is kept: only max_t < cutoff goes.
            let atBoundary = try await store.applyRetention(cutoff: baseTime + 239 * minute)
            #expect(atBoundary.chunksDeleted == 0)
            let past = try await store.applyRetention(cutoff: baseTime + 239 * minute + 1)
            #expect(past.chunksDeleted == 1)
            #expect(samples(of: mixed, in: try await store.select(named("queue_depth"), from: .min, through: .max))
                == bits(Array(mixedSamples[240...])))
            try await expectIntact(store)
        }
    }

    @Test("series left without chunks disappear from series, label names and label values", arguments: StoreFactory.all)
    func emptySeriesDisappear(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await populated(factory, directory)
            #expect(try await store.labelNames() == ["__name__", "job", "kind"])
            _ = try await store.applyRetention(cutoff: baseTime + 200 * minute)

            #expect(try await store.series(allSeriesMatcher()) == [mixed, fresh].sorted())
            #expect(try await store.series(named("legacy_jobs")).isEmpty)
            #expect(try await store.series([matcher("job", .equal, "batch")]) == [mixed])
            // `kind` only existed on the deleted series; `job="batch"` is still used by mixed.
            #expect(try await store.labelNames() == ["__name__", "job"])
            #expect(try await store.labelValues("__name__") == ["queue_depth"])
            #expect(try await store.labelValues("job") == ["batch", "stream"])
            #expect(try await store.labelValues("kind").isEmpty)
            #expect(try await store.latest(named("legacy_jobs"), at: baseTime + 50 * minute, lookback: hour).isEmpty)
            try await expectIntact(store)
        }
    }

    @Test("a deleted series can be appended to again, and the store reopens cleanly", arguments: StoreFactory.all)
    func appendAfterRetention(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            do {
                let store = try await populated(factory, directory)
                _ = try await store.applyRetention(cutoff: baseTime + 200 * minute)

                // The series comes back as new; any timestamp is fine for a new series.
                let comeback = [Sample(timestamp: baseTime + 6 * hour, value: 99), Sample(timestamp: baseTime + 6 * hour + minute, value: 100)]
                let summary = try await store.append(batch(old, comeback))
                #expect(summary.appended == 2)
                #expect(summary.newSeries == 1)
                // A surviving series continues after its last sample, not before.
                let more = try await store.append(batch(mixed, [Sample(timestamp: baseTime + 300 * minute, value: 300),
                                                                Sample(timestamp: baseTime + 10 * minute, value: -1)]))
                #expect(more.appended == 1)
                #expect(more.outOfOrder == 1)

                let stored = try await store.select(allSeriesMatcher(), from: .min, through: .max)
                #expect(samples(of: old, in: stored) == bits(comeback))
                #expect(try await store.labelValues("kind") == ["legacy"])
                #expect(try await store.series([matcher("kind", .equal, "legacy")]) == [old])
                #expect(await store.statistics().series == 3)
                #expect(await store.statistics().chunks == 2 + 1 + 1)
            }
            let reopened = try factory.open(directory)
            #expect(await reopened.statistics().series == 3)
            #expect(await reopened.statistics().chunks == 4)
            let stored = try await reopened.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(samples(of: old, in: stored)?.count == 2)
            #expect(samples(of: mixed, in: stored)?.count == 180 + 1)
            #expect(samples(of: fresh, in: stored) == bits(freshSamples))
            // And the reopened store still treats it as known.
            #expect(try await reopened.append(batch(old, baseTime + 7 * hour, 1)).newSeries == 0)
            try await expectIntact(reopened)
        }
    }

    @Test("exemplars older than the cutoff go too", arguments: StoreFactory.all)
    func exemplarsFollowRetention(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            let early = Exemplar(labels: Labels(["trace_id": "early"]), value: 1, timestamp: baseTime)
            let late = Exemplar(labels: Labels(["trace_id": "late"]), value: 2, timestamp: baseTime + 3 * hour)
            _ = try await store.append(batch(mixed, baseTime, 1, exemplar: early))
            _ = try await store.append(batch(mixed, baseTime + 3 * hour, 2, exemplar: late))
            _ = try await store.applyRetention(cutoff: baseTime + hour)
            let left = try await store.exemplars(allSeriesMatcher(), from: .min, through: .max)
            #expect(left.flatMap(\.exemplars).map(\.labels) == [late.labels])
            try await expectIntact(store)
        }
    }
}
