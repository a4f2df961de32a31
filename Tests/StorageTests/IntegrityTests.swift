import MeshMetrics
import Storage
import Testing

/// One data directory through a whole life: live appends, restarts, a backfill, a bad
/// import, retention and more appends. SQLite's own check and the stored data agree at
/// the end. (Every behaviour test also ends with `expectIntact`.)
@Suite("Integrity")
struct IntegrityTests {
    @Test("integrity_check is ok after appends, reopen, backfill, a failed import and retention")
    func wholeLifecycle() async throws {
        try await withTemporaryDirectory { directory in
            let up = Labels(name: "up", ["job": "api"])
            let load = Labels(name: "load", ["job": "api", "host": "h1"])
            let gone = Labels(name: "gone", ["job": "api"])
            let upSamples = regularSamples(from: baseTime, step: 30 * second, count: 400) { Double($0 % 2) }
            let loadSamples = regularSamples(from: baseTime, step: 10 * minute, count: 40) { Double($0) / 8 }
            do {
                let store = try MetricsStore(directory: directory)
                try await appendInBatches(store, up, Array(upSamples[..<200]), size: 30)
                var scrape = batch(load, loadSamples)
                scrape.metadata = ["load": MetricMetadata(type: .gauge, help: "Load.")]
                _ = try await store.append(scrape)
                _ = try await store.append(batch(gone, regularSamples(from: baseTime, step: minute, count: 10)))
                #expect(try await store.integrityCheck() == "ok")
            }
            do {
                let store = try MetricsStore(directory: directory)
                try await appendInBatches(store, up, Array(upSamples[200...]), size: 30)
                #expect(try await store.integrityCheck() == "ok")
            }

            // Backfill an older day of `up`, then an import that breaks half-way.
            let history = regularSamples(from: baseTime - 3 * hour, step: minute, count: 150) { Double($0) }
            let upKey = #"up{job="api"}"#
            let imported = try runImport(openMetricsText(["# TYPE up gauge"] + history.map { sampleLine(upKey, $0) }), into: directory)
            #expect(imported.error == nil)
            #expect(imported.summary.samples == 150)
            let broken = try runImport(openMetricsText(["# TYPE up gauge", sampleLine(upKey, history[0]), "up{job=\"api\" 1"]), into: directory)
            #expect(broken.error != nil)
            #expect(broken.summary.duplicates == 1)

            let store = try MetricsStore(directory: directory)
            let everything = try await store.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(samples(of: up, in: everything) == bits(history + upSamples))
            #expect(samples(of: load, in: everything) == bits(loadSamples))

            // Retention at the start of the live data removes the whole backfilled day.
            let retention = try await store.applyRetention(cutoff: baseTime)
            #expect(retention.chunksDeleted == 2)
            #expect(retention.emptySeries.isEmpty)
            let afterRetention = try await store.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(samples(of: up, in: afterRetention) == bits(upSamples))

            // 2 h later: up's first two chunks (120 samples each, ending at 59.5 and 119.5 min),
            // load's first (12 samples, ending at 110 min) and all of `gone` go.
            let later = try await store.applyRetention(cutoff: baseTime + 2 * hour + 1)
            #expect(later.chunksDeleted == 2 + 1 + 1)
            #expect(later.emptySeries.count == 1)
            #expect(try await store.series(allSeriesMatcher()) == [load, up].sorted())
            #expect(try await store.append(batch(gone, baseTime + 8 * hour, 1)).newSeries == 1)

            #expect(try await store.integrityCheck() == "ok")
            #expect(try await store.storedMetadata() == ["load": MetricMetadata(type: .gauge, help: "Load."), "up": MetricMetadata(type: .gauge)])
            let final = try await store.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(samples(of: up, in: final) == bits(Array(upSamples[240...])))
            #expect(samples(of: load, in: final) == bits(Array(loadSamples[12...])))
            #expect(samples(of: gone, in: final) == [Sample(timestamp: baseTime + 8 * hour, value: 1).bits])
            #expect(try storedSampleCount(directory) == 160 + 28 + 1)
        }
    }
}
