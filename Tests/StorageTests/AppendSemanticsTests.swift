import MeshMetrics
import Storage
import Testing

/// What a commit does with each entry, in Prometheus' terms: appended, duplicate,
/// conflict, out of order; and when a series counts as new.
@Suite("Append semantics")
struct AppendSemanticsTests {
    let x = Labels(name: "x", ["job": "a"])
    let y = Labels(name: "y", ["job": "a"])

    @Test("out-of-order, duplicate and conflicting samples are counted and not stored", arguments: StoreFactory.all)
    func rejectedSamplesAcrossCommits(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            var first = AppendBatch()
            first.append(x, Sample(timestamp: 1_000, value: 1))
            first.append(x, Sample(timestamp: 2_000, value: 2))
            let firstSummary = try await store.append(first)
            #expect(firstSummary == summary(appended: 2, newSeries: 1))

            var second = AppendBatch()
            second.append(x, Sample(timestamp: 1_500, value: 9))  // older than 2 000
            second.append(x, Sample(timestamp: 1_000, value: 1))  // older, even though stored as is
            second.append(x, Sample(timestamp: 2_000, value: 2))  // same timestamp, same value
            second.append(x, Sample(timestamp: 2_000, value: 3))  // same timestamp, other value
            second.append(y, Sample(timestamp: 500, value: 5))    // a new series may start anywhere
            second.append(x, Sample(timestamp: 3_000, value: 4))
            let secondSummary = try await store.append(second)
            #expect(secondSummary == summary(appended: 2, duplicates: 1, conflicts: 1, outOfOrder: 2, newSeries: 1))

            let stored = try await store.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(samples(of: x, in: stored) == bits([
                Sample(timestamp: 1_000, value: 1), Sample(timestamp: 2_000, value: 2), Sample(timestamp: 3_000, value: 4),
            ]))
            #expect(samples(of: y, in: stored) == [Sample(timestamp: 500, value: 5).bits])
            #expect(await store.statistics().samplesAppended == 4)
            #expect(await store.statistics().series == 2)
            try await expectIntact(store)
        }
    }

    @Test("the same rules apply between entries of one batch", arguments: StoreFactory.all)
    func rejectedSamplesWithinOneBatch(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            var scrape = AppendBatch()
            scrape.append(x, Sample(timestamp: 3_000, value: 1))
            scrape.append(x, Sample(timestamp: 3_000, value: 1))
            scrape.append(x, Sample(timestamp: 3_000, value: 2))
            scrape.append(x, Sample(timestamp: 2_999, value: 1))
            scrape.append(x, Sample(timestamp: 3_001, value: 5))
            #expect(try await store.append(scrape) == summary(appended: 2, duplicates: 1, conflicts: 1, outOfOrder: 1, newSeries: 1))
            let stored = try await store.select(named("x"), from: .min, through: .max)
            #expect(samples(of: x, in: stored) == bits([Sample(timestamp: 3_000, value: 1), Sample(timestamp: 3_001, value: 5)]))
            try await expectIntact(store)
        }
    }

    @Test("duplicates are decided on the value's bits: stale markers, NaN payloads, signed zeros", arguments: StoreFactory.all)
    func duplicatesComparedBitwise(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            let otherNaN = Double(bitPattern: 0x7ff8_0000_0000_0001)
            _ = try await store.append(batch(x, [Sample(timestamp: 1_000, value: StaleNaN.value)]))
            _ = try await store.append(batch(y, [Sample(timestamp: 1_000, value: 0.0)]))

            #expect(try await store.append(batch(x, 1_000, StaleNaN.value)) == summary(duplicates: 1))
            #expect(try await store.append(batch(x, 1_000, otherNaN)) == summary(conflicts: 1))
            #expect(try await store.append(batch(x, 1_000, .nan)) == summary(conflicts: 1))
            #expect(try await store.append(batch(y, 1_000, 0.0)) == summary(duplicates: 1))
            #expect(try await store.append(batch(y, 1_000, -0.0)) == summary(conflicts: 1))

            let stored = try await store.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(samples(of: x, in: stored) == [SampleBits(timestamp: 1_000, bits: StaleNaN.bitPattern)])
            #expect(samples(of: y, in: stored) == [SampleBits(timestamp: 1_000, bits: 0)])
            try await expectIntact(store)
        }
    }

    @Test("a series is new once: label order and empty values do not make another one", arguments: StoreFactory.all)
    func newSeriesCounting(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            var scrape = AppendBatch()
            scrape.append(Labels(name: "m", ["a": "1", "b": "2"]), Sample(timestamp: 10, value: 1))
            scrape.append(Labels([Label("b", "2"), Label("__name__", "m"), Label("a", "1")]), Sample(timestamp: 20, value: 2))
            scrape.append(Labels(name: "m", ["a": "1", "b": "2", "c": ""]), Sample(timestamp: 30, value: 3))
            scrape.append(Labels(name: "m", ["a": "1"]), Sample(timestamp: 10, value: 1))
            scrape.append(Labels(name: "m", ["a": "1", "b": "3"]), Sample(timestamp: 10, value: 1))
            scrape.append(Labels(name: "n", ["a": "1", "b": "2"]), Sample(timestamp: 10, value: 1))
            #expect(try await store.append(scrape) == summary(appended: 6, newSeries: 4))

            // Known series stay known, new ones are counted in the next commit too.
            var next = AppendBatch()
            next.append(Labels(name: "m", ["a": "1", "b": "2"]), Sample(timestamp: 40, value: 4))
            next.append(Labels(name: "m", ["a": "2"]), Sample(timestamp: 40, value: 4))
            #expect(try await store.append(next) == summary(appended: 2, newSeries: 1))

            #expect(try await store.series(named("m")) == [
                Labels(name: "m", ["a": "1"]), Labels(name: "m", ["a": "1", "b": "2"]),
                Labels(name: "m", ["a": "1", "b": "3"]), Labels(name: "m", ["a": "2"]),
            ])
            let merged = try await store.select(named("m") + [matcher("b", .equal, "2")], from: .min, through: .max)
            #expect(merged.count == 1)
            #expect(merged.first.map { bits($0.samples) } == bits([
                Sample(timestamp: 10, value: 1), Sample(timestamp: 20, value: 2),
                Sample(timestamp: 30, value: 3), Sample(timestamp: 40, value: 4),
            ]))
            #expect(try await store.append(AppendBatch()) == AppendSummary())
            #expect(await store.statistics().series == 5)
            try await expectIntact(store)
        }
    }

    private func summary(appended: Int = 0, duplicates: Int = 0, conflicts: Int = 0, outOfOrder: Int = 0, newSeries: Int = 0) -> AppendSummary {
        var summary = AppendSummary()
        summary.appended = appended
        summary.duplicates = duplicates
        summary.conflicts = conflicts
        summary.outOfOrder = outOfOrder
        summary.newSeries = newSeries
        return summary
    }
}
