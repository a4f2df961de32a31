import MeshMetrics
import Storage
import Testing

/// Appending and reading back: exact samples across chunk cuts, time ranges, and the
/// instant-vector rule of `latest` (lookback window, staleness markers).
@Suite("Append and read back")
struct AppendReadTests {
    let counter = Labels(name: "http_requests_total", ["job": "api", "instance": "a:1"])
    let gauge = Labels(name: "temperature_celsius", ["job": "api", "instance": "b:1"])
    let queue = Labels(name: "queue_depth", ["job": "worker"])

    /// Values that only survive a bit-exact codec.
    static let awkwardValues: [Double] = [
        -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        Double(bitPattern: 0x7ff8_0000_dead_beef), 0.1, -1e-300,
    ]

    @Test("every sample comes back exactly once, across chunks cut at 120 samples and at 2 h", arguments: StoreFactory.all)
    func readBackAcrossChunks(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            // 300 samples 15 s apart: 120 take 30 min, so cut by count: 120 + 120 + 60.
            let counterSamples = regularSamples(from: baseTime, step: 15 * second, count: 300) { Double($0) * 1.5 }
            // 31 samples 10 min apart (5 h): cut by span at +2 h and +4 h: 12 + 12 + 7.
            let gaugeSamples = regularSamples(from: baseTime, step: 10 * minute, count: 31) { Double($0 % 7) - 3.25 }
            // 250 samples 1 s apart with awkward values: 120 + 120 + 10.
            let queueSamples = regularSamples(from: baseTime, step: second, count: 250) {
                Self.awkwardValues[$0 % Self.awkwardValues.count]
            }

            // One commit cutting chunks inside it, one commit per sample, and scrape-sized commits.
            let first = try await store.append(batch(counter, counterSamples))
            #expect(first.appended == 300)
            #expect(first.newSeries == 1)
            for sample in gaugeSamples {
                _ = try await store.append(batch(gauge, [sample]))
            }
            let third = try await appendInBatches(store, queue, queueSamples, size: 50)
            #expect(third.appended == 250)
            #expect(third.newSeries == 1)

            let statistics = await store.statistics()
            #expect(statistics.series == 3)
            #expect(statistics.chunks == 3 + 3 + 3)
            #expect(statistics.samplesAppended == 300 + 31 + 250)

            let all = try await store.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(Set(all.map(\.labels)) == [counter, gauge, queue])
            #expect(samples(of: counter, in: all) == bits(counterSamples))
            #expect(samples(of: gauge, in: all) == bits(gaugeSamples))
            #expect(samples(of: queue, in: all) == bits(queueSamples))
            try await expectIntact(store)
        }
    }

    @Test("select returns exactly the samples in [mint, maxt], bounds included", arguments: StoreFactory.all)
    func selectTimeRange(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            let step = 15 * second
            let all = regularSamples(from: baseTime, step: step, count: 300) { Double($0) }
            _ = try await appendInBatches(store, counter, all, size: 7)
            let t = { (index: Int64) in baseTime + index * step }

            // Bounds on samples: both ends included; the range spans the cuts at 120 and 240.
            let onSamples = try await store.select(named("http_requests_total"), from: t(100), through: t(250))
            #expect(onSamples.count == 1)
            #expect(samples(of: counter, in: onSamples) == bits(Array(all[100 ... 250])))

            // Bounds between samples: the neighbours outside are left out.
            let between = try await store.select(named("http_requests_total"), from: t(100) + 1, through: t(250) - 1)
            #expect(samples(of: counter, in: between) == bits(Array(all[101 ... 249])))

            // A single instant, exactly on the first sample of the second chunk.
            let instant = try await store.select(named("http_requests_total"), from: t(120), through: t(120))
            #expect(samples(of: counter, in: instant) == [all[120].bits])

            // Whole range and the extremes.
            #expect(samples(of: counter, in: try await store.select(named("http_requests_total"), from: t(0), through: t(299))) == bits(all))
            #expect(samples(of: counter, in: try await store.select(named("http_requests_total"), from: t(299), through: .max)) == [all[299].bits])

            // No sample in range: the series is left out altogether.
            #expect(try await store.select(named("http_requests_total"), from: t(10) + 1, through: t(11) - 1).isEmpty)
            #expect(try await store.select(named("http_requests_total"), from: .min, through: t(0) - 1).isEmpty)
            #expect(try await store.select(named("http_requests_total"), from: t(299) + 1, through: .max).isEmpty)
            try await expectIntact(store)
        }
    }

    @Test("latest: newest sample in (t - lookback, t], series ending in a stale marker left out", arguments: StoreFactory.all)
    func latestWithLookbackAndStaleness(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            let up = { (instance: String) in Labels(name: "up", ["instance": instance]) }
            let otherNaN = Double(bitPattern: 0x7ff8_0000_0000_0001)
            let step = 15 * second
            // a: healthy, 0 s … 60 s.
            let a = regularSamples(from: baseTime, step: step, count: 5) { Double($0 + 1) }
            // b: healthy until 45 s, then its target disappeared (stale marker at 60 s).
            let b = regularSamples(from: baseTime, step: step, count: 4) { _ in 1 }
                + [Sample(timestamp: baseTime + 60 * second, value: StaleNaN.value)]
            // c: went stale at 15 s and came back at 30 s.
            let c = [Sample(timestamp: baseTime, value: 1), Sample(timestamp: baseTime + 15 * second, value: StaleNaN.value),
                     Sample(timestamp: baseTime + 30 * second, value: 7)]
            // d: an ordinary NaN is a value, not a staleness marker.
            let d = [Sample(timestamp: baseTime + 60 * second, value: otherNaN)]
            // e: one sample at 0 s only.
            let e = [Sample(timestamp: baseTime, value: 42)]
            var scrape = AppendBatch()
            for (instance, samples) in [("a", a), ("b", b), ("c", c), ("d", d), ("e", e)] {
                for sample in samples { scrape.append(up(instance), sample) }
            }
            #expect(try await store.append(scrape).appended == 5 + 5 + 3 + 1 + 1)

            func latest(at t: Int64, lookback: Int64) async throws -> [String: SampleBits] {
                let result = try await store.latest(named("up"), at: t, lookback: lookback)
                return Dictionary(uniqueKeysWithValues: result.map { ($0.labels["instance"]!, $0.sample.bits) })
            }

            // At 60 s with 60 s lookback: e's sample at exactly t - lookback is outside.
            #expect(try await latest(at: baseTime + 60 * second, lookback: 60 * second) == [
                "a": Sample(timestamp: baseTime + 60 * second, value: 5).bits,
                "c": Sample(timestamp: baseTime + 30 * second, value: 7).bits,
                "d": Sample(timestamp: baseTime + 60 * second, value: otherNaN).bits,
            ])
            // At 50 s: b is not stale yet and e's sample is inside the window.
            #expect(try await latest(at: baseTime + 50 * second, lookback: 60 * second) == [
                "a": Sample(timestamp: baseTime + 45 * second, value: 4).bits,
                "b": Sample(timestamp: baseTime + 45 * second, value: 1).bits,
                "c": Sample(timestamp: baseTime + 30 * second, value: 7).bits,
                "e": Sample(timestamp: baseTime, value: 42).bits,
            ])
            // At 20 s with a 10 s lookback: c's newest sample there is its stale marker.
            #expect(try await latest(at: baseTime + 20 * second, lookback: 10 * second) == [
                "a": Sample(timestamp: baseTime + 15 * second, value: 2).bits,
                "b": Sample(timestamp: baseTime + 15 * second, value: 1).bits,
            ])
            // Before any data, and with other matchers.
            #expect(try await latest(at: baseTime - 1, lookback: hour).isEmpty)
            let onlyB = try await store.latest(named("up") + [matcher("instance", .equal, "b")], at: baseTime + 50 * second, lookback: minute)
            #expect(onlyB.map(\.labels) == [up("b")])

            // select keeps the markers, bit for bit.
            let selected = try await store.select(named("up"), from: .min, through: .max)
            #expect(samples(of: up("b"), in: selected) == bits(b))
            #expect(samples(of: up("c"), in: selected) == bits(c))
            #expect(samples(of: up("b"), in: selected)?.last?.bits == StaleNaN.bitPattern)
            #expect(samples(of: up("d"), in: selected) == bits(d))
            try await expectIntact(store)
        }
    }
}
