import Foundation
import MeshMetrics
import Storage
import Testing

extension EndToEnd {
    /// A series that vanishes from its target ends with a staleness marker and leaves
    /// `/federate`; one that comes back carries on after the marker.
    @Suite struct StalenessTests {
        @Test func vanishedSeriesEndsWithStaleMarker() async throws {
            try await withTemporaryDirectory("stale") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                fixture.setChurnSeries(["a", "b"])
                let config = join(dir, "meshscope.yaml")
                try write(configYAML([JobConfig(name: "churn", targets: [fixture.address], path: "/churn")]), to: config)
                let dataDir = join(dir, "data")
                let serve = try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
                defer { serve.terminateIfRunning() }

                func federatedSeries() async throws -> [String: CollectedSample] {
                    var out: [String: CollectedSample] = [:]
                    for sample in try await serve.federate(#"fixture_churn{job="churn"}"#).samples {
                        out[sample.labels["series"] ?? "?"] = sample
                    }
                    return out
                }

                _ = try await eventually("two scrapes with series a and b", context: serve.logTail) {
                    let series = try await federatedSeries()
                    return series.keys.sorted() == ["a", "b"] && (series["b"]?.value ?? 0) >= 2 ? true : nil
                }
                fixture.setChurnSeries(["a"])
                let removedAt = fixture.requests("/churn")
                let afterRemoval = try await eventually("b to leave /federate", context: serve.logTail) {
                    let series = try await federatedSeries()
                    return series.keys.sorted() == ["a"] ? series : nil
                }
                #expect((afterRemoval["a"]?.value ?? 0) >= Double(removedAt), "a is still scraped")

                // b comes back: federated again, after its stale marker.
                fixture.setChurnSeries(["a", "b"])
                let returnedAt = fixture.requests("/churn")
                _ = try await eventually("b to come back", context: serve.logTail) {
                    try await federatedSeries()["b"].flatMap { $0.value > Double(returnedAt) ? true : nil }
                }
                fixture.setChurnSeries(["a"])
                let removedAgainAt = fixture.requests("/churn")
                _ = try await eventually("b to leave /federate again", context: serve.logTail) {
                    let series = try await federatedSeries()
                    return series["b"] == nil && (series["a"]?.value ?? 0) > Double(removedAgainAt) ? true : nil
                }
                _ = try await serve.stop()

                let stored = try StoredData(dataDir)
                let b = try #require(try stored.series(#"fixture_churn{job="churn",series="b"}"#).first)
                let markers = b.samples.enumerated().filter { $0.element.value.isStaleMarker }.map(\.offset)
                #expect(b.samples.last?.value.isStaleMarker == true, "b ends with a stale marker: \(b.summary)")
                #expect(markers.count == 2, "one marker per disappearance, not one per scrape: \(b.summary)")
                #expect(b.samples.timestampsStrictlyIncrease)
                // Each marker follows a real sample, and real samples follow the first one.
                #expect(markers.allSatisfy { $0 > 0 && !b.samples[$0 - 1].value.isStaleMarker })
                #expect(markers.first.map { $0 + 1 < b.samples.count && !b.samples[$0 + 1].value.isStaleMarker } == true)

                let a = try #require(try stored.series(#"fixture_churn{job="churn",series="a"}"#).first)
                #expect(a.samples.dropLast().allSatisfy { !$0.value.isStaleMarker }, "a never went stale while scraped")
            }
        }
    }
}
