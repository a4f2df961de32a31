import Foundation
import MeshMetrics
import Storage
import Testing

extension EndToEnd {
    /// SIGTERM while a scrape is in flight: serve exits 0 promptly, and the interrupted
    /// scrape is not recorded as a failed one (no `up 0` for a healthy target).
    @Suite struct ShutdownTests {
        @Test func sigtermDuringScrapeRecordsNoFailure() async throws {
            try await withTemporaryDirectory("shutdown") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                let config = join(dir, "meshscope.yaml")
                try write(configYAML([JobConfig(name: "sluggish", targets: [fixture.address], path: "/sluggish")]), to: config)
                let dataDir = join(dir, "data")
                let serve = try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                _ = try await eventually("two completed scrapes", context: serve.logTail) {
                    try await serve.federate(#"fixture_sluggish_requests_total"#).samples.first.flatMap { $0.value >= 2 ? true : nil }
                }
                // The moment a new request reaches the fixture, a scrape is in flight for 600ms.
                let before = fixture.requests("/sluggish")
                _ = try await eventually("the next scrape to start", every: .milliseconds(5)) {
                    fixture.requests("/sluggish") > before ? true : nil
                }
                let clock = ContinuousClock()
                let stopStarted = clock.now
                #expect(try await serve.stop() == 0)
                #expect(clock.now - stopStarted < .seconds(5), "shutdown does not wait for slow scrapes")

                let stored = try StoredData(dataDir)
                let up = try #require(try stored.series(#"up{job="sluggish"}"#).first)
                #expect(up.samples.withoutStaleMarkers.allSatisfy { $0.value == 1 },
                        "an interrupted scrape is not a failed one: \(up.summary)")
                // A shutdown is not a disappearance: Prometheus writes no staleness markers then.
                #expect(up.samples.allSatisfy { !$0.value.isStaleMarker }, "\(up.summary)")
                let counter = try #require(try stored.series(#"fixture_sluggish_requests_total"#).first)
                #expect(counter.samples.allSatisfy { !$0.value.isStaleMarker }, "\(counter.summary)")
            }
        }
    }
}
