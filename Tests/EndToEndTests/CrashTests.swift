import Foundation
import MeshMetrics
import Storage
import Testing

extension EndToEnd {
    /// SIGKILL at a random moment while serve commits ~2,000 series a second: whatever
    /// `/federate` ever showed (so was committed) must be in the data directory exactly
    /// once, the SQLite file must pass its integrity check, and serve must restart on it.
    @Suite struct CrashTests {
        static let seed: UInt64 = 0x5EED_2025
        static let seriesCount = 2_000

        struct SeenKey: Hashable {
            var series: String
            var timestamp: Int64
        }

        @Test func killedServerKeepsEveryCommittedSample() async throws {
            try await withTemporaryDirectory("crash") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                fixture.setManyCount(Self.seriesCount)
                let config = join(dir, "meshscope.yaml")
                try write(configYAML([JobConfig(name: "crash", targets: [fixture.address], path: "/many")]), to: config)
                let dataDir = join(dir, "data")
                var random = SplitMix64(seed: Self.seed)
                print("crash test: seed \(Self.seed)")
                var seen: [SeenKey: Double] = [:]

                for round in 1...3 {
                    let serve = try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
                    defer { serve.terminateIfRunning() }
                    let newestBefore = seen.keys.map(\.timestamp).max() ?? 0
                    _ = try await eventually("round \(round): a scrape after the (re)start", context: serve.logTail) {
                        let samples = try await serve.federate(#"fixture_many_total{job="crash"}"#).samples
                        return samples.contains { $0.timestamp! > newestBefore } ? true : nil
                    }
                    let killAfter = Duration.milliseconds(Int64.random(in: 1_000...4_000, using: &random))
                    let clock = ContinuousClock()
                    let killAt = clock.now + killAfter
                    var polls = 0
                    let seenBefore = seen.count
                    while clock.now < killAt {
                        for sample in try await serve.federate(#"fixture_many_total{job="crash"}"#).samples {
                            let key = SeenKey(series: sample.labels["series"] ?? "?", timestamp: sample.timestamp!)
                            if let earlier = seen.updateValue(sample.value, forKey: key), earlier != sample.value {
                                Issue.record("\(key) was federated as \(earlier), then as \(sample.value)")
                            }
                        }
                        polls += 1
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    await serve.crash()
                    print("crash test round \(round): killed after \(killAfter), \(polls) polls, \(seen.count - seenBefore) new samples seen")
                    #expect(seen.count > seenBefore, "round \(round) saw new samples")
                    try verify(dataDir, seen: seen, round: round)
                }

                // One more restart: the directory opens cleanly and scraping goes on.
                let serve = try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let newest = seen.keys.map(\.timestamp).max() ?? 0
                _ = try await eventually("scraping after the last crash", context: serve.logTail) {
                    let samples = try await serve.federate(#"fixture_many_total{job="crash"}"#).samples
                    return samples.count == Self.seriesCount && samples.allSatisfy { $0.timestamp! > newest } ? true : nil
                }
                #expect(try await serve.stop() == 0)
                #expect(try StoredData(dataDir).integrityCheck() == "ok")
            }
        }

        private func verify(_ dataDir: String, seen: [SeenKey: Double], round: Int) throws {
            #expect(try StoredData.duplicateSamples(dataDir) == 0, "round \(round): no sample is stored twice")
            let stored = try StoredData(dataDir)
            #expect(try stored.integrityCheck() == "ok", "round \(round): SQLite integrity check")
            var bySeries: [String: [Int64: (value: Double, count: Int)]] = [:]
            var problems: [String] = []
            let series = try stored.series(#"fixture_many_total{job="crash"}"#)
            #expect(series.count == Self.seriesCount, "round \(round): every series stored")
            for entry in series {
                let name = entry.labels["series"] ?? "?"
                if !entry.samples.timestampsStrictlyIncrease { problems.append("\(name): timestamps not increasing") }
                let values = entry.samples.withoutStaleMarkers.map(\.value)
                if zip(values, values.dropFirst()).contains(where: { $0 >= $1 }) {
                    problems.append("\(name): values not increasing: \(values)")
                }
                var samples: [Int64: (value: Double, count: Int)] = [:]
                for sample in entry.samples {
                    samples[sample.timestamp, default: (sample.value, 0)].count += 1
                }
                bySeries[name] = samples
            }
            for (key, value) in seen {
                guard let stored = bySeries[key.series]?[key.timestamp] else {
                    problems.append("\(key.series)@\(key.timestamp) = \(value) was federated but is not stored")
                    continue
                }
                if stored.count != 1 { problems.append("\(key.series)@\(key.timestamp) stored \(stored.count) times") }
                if stored.value != value { problems.append("\(key.series)@\(key.timestamp): stored \(stored.value), federated \(value)") }
            }
            #expect(problems.isEmpty, "round \(round): \(problems.count) problems, first: \(problems.prefix(10))")
        }
    }
}
