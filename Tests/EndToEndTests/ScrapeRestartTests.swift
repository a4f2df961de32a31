import Foundation
import MeshMetrics
import Storage
import Testing

extension EndToEnd {
    /// serve scrapes the fixture every second; the series show up in `/federate` with
    /// the right labels and metadata, failing targets report `up 0`, the data directory
    /// holds one sample per scrape, and a restarted serve carries on where it stopped.
    @Suite struct ScrapeRestartTests {
        @Test func scrapeStopReadBackRestart() async throws {
            try await withTemporaryDirectory("scrape") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                let config = join(dir, "meshscope.yaml")
                try write(configYAML([
                    JobConfig(name: "fixture", targets: [fixture.address], path: "/text",
                              labels: ["team": "mesh", "zone": "eu-1"]),
                    JobConfig(name: "fixture_om", targets: [fixture.address], path: "/openmetrics"),
                    JobConfig(name: "fixture_gzip", targets: [fixture.address], path: "/gzip"),
                    JobConfig(name: "malformed", targets: [fixture.address], path: "/malformed"),
                    JobConfig(name: "slow", targets: [fixture.address], path: "/slow", timeout: "500ms"),
                ]), to: config)
                let dataDir = join(dir, "data")
                var serve = try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
                defer { serve.terminateIfRunning() }

                let federated = try await eventually("three scrapes of /text", context: serve.logTail) {
                    let result = try await serve.federate(#"{job="fixture"}"#)
                    return (result.samples(named: "fixture_requests_total").first?.value ?? 0) >= 3 ? result : nil
                }
                try checkTextTargetSeries(federated, address: fixture.address)
                try await checkOpenMetricsAndGzipTargets(serve, fixture: fixture)
                try await checkFailingTargets(serve)

                let exitStatus = try await serve.stop()
                #expect(exitStatus == 0, "serve exits 0 on SIGTERM\n\(serve.logTail())")
                let requestsAtStop = fixture.requests("/text")
                let firstRun = try checkStored(dataDir, requestsAtStop: requestsAtStop, runs: 1)
                #expect(try StoredData.duplicateSamples(dataDir) == 0, "no sample is stored twice")

                // Restart on the same directory: scraping resumes and the counter continues.
                serve = try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
                _ = try await eventually("two scrapes after the restart", context: serve.logTail) {
                    let sample = try await serve.federate(#"fixture_requests_total{job="fixture"}"#).samples.first
                    return sample.flatMap { $0.timestamp! > firstRun.timestamp && $0.value >= firstRun.value + 2 ? $0 : nil }
                }
                _ = try await serve.stop()
                _ = try checkStored(dataDir, requestsAtStop: fixture.requests("/text"), runs: 2)
                #expect(try StoredData.duplicateSamples(dataDir) == 0, "no sample is stored twice after the restart")
            }
        }

        private func checkTextTargetSeries(_ result: ParsedExposition, address: String) throws {
            let requests = try #require(result.samples(named: "fixture_requests_total").first)
            #expect(requests.labels == Labels(["__name__": "fixture_requests_total", "job": "fixture",
                                               "instance": address, "path": "/text", "team": "mesh", "zone": "eu-1"]))
            #expect(requests.timestamp != nil, "federated samples carry their timestamps")
            #expect(result.metadata(for: "fixture_requests_total") ==
                MetricMetadata(type: .counter, help: FixtureBodies.requestsHelp))

            // The target's own job and instance become exported_* without honor_labels.
            let inner = try #require(result.samples(named: "fixture_inner").first)
            #expect(inner.labels["job"] == "fixture")
            #expect(inner.labels["instance"] == address)
            #expect(inner.labels["exported_job"] == "inner")
            #expect(inner.labels["exported_instance"] == "inner:1")

            let escaped = try #require(result.samples(named: "fixture_escaped").first)
            for (name, value) in FixtureBodies.escapedValues {
                #expect(escaped.labels[name] == value, "label \(name) survives escaping")
            }

            #expect(result.metadata(for: "fixture_latency_seconds")?.type == .histogram)
            let bounds = result.samples(named: "fixture_latency_seconds_bucket").compactMap { $0.labels["le"] }
            #expect(bounds == ["0.1", "0.5", "1", "+Inf"], "buckets in ascending order")
            let n = requests.value
            #expect(result.samples(named: "fixture_latency_seconds_count").first?.value == 4 * n)
            #expect(result.metadata(for: "fixture_rpc_seconds")?.type == .summary,
                    "a summary federates as a summary:\n\(result.families)")
            #expect(result.samples(named: "fixture_rpc_seconds").count == 2)
        }

        private func checkOpenMetricsAndGzipTargets(_ serve: ServeProcess, fixture: FixtureTarget) async throws {
            let openMetrics = try await eventually("the OpenMetrics target's series", context: serve.logTail) {
                let result = try await serve.federate(#"{job="fixture_om"}"#)
                return result.samples(named: "fixture_om_events_total").isEmpty ? nil : result
            }
            let events = try #require(openMetrics.samples(named: "fixture_om_events_total").first)
            #expect(events.labels["kind"] == "a \"quoted\" kind")
            #expect(events.labels["instance"] == fixture.address)
            #expect(openMetrics.metadata(for: "fixture_om_events_total")?.type == .counter)
            #expect(openMetrics.samples(named: "fixture_om_temperature_celsius").first?.value == 21.5)
            #expect(openMetrics.samples(named: "fixture_om_size_bytes_bucket").count == 2)
            #expect(try await serve.up(job: "fixture_om") == 1)

            _ = try await eventually("the gzip target's series", context: serve.logTail) {
                try await serve.federate(#"fixture_gzip_requests_total{job="fixture_gzip"}"#).samples.first
            }
            #expect(try await serve.up(job: "fixture_gzip") == 1)
            let encodings = fixture.acceptEncodings
            #expect(!encodings.isEmpty && encodings.allSatisfy { $0.contains("gzip") },
                    "every scrape sends Accept-Encoding: gzip, got \(Set(encodings))")
            #expect(fixture.accepts.allSatisfy { $0.contains("application/openmetrics-text") && $0.contains("text/plain") })
            #expect(fixture.userAgents.allSatisfy { $0.hasPrefix("MeshScope/") })
        }

        private func checkFailingTargets(_ serve: ServeProcess) async throws {
            for job in ["malformed", "slow"] {
                let up = try await eventually("up{job=\"\(job)\"}", context: serve.logTail) { try await serve.up(job: job) }
                #expect(up == 0, "\(job) target is down")
            }
            // A scrape with a bad line is rejected whole: only the report series exist.
            let names = Set(try await serve.federate(#"{job="malformed"}"#).samples.compactMap { $0.labels.metricName })
            #expect(names == ["up", "scrape_duration_seconds", "scrape_samples_scraped"])
            let duration = try #require(try await serve.federate(#"scrape_duration_seconds{job="slow"}"#).samples.first)
            #expect(duration.value >= 0.45 && duration.value < 2, "the slow scrape is cut at its 500ms timeout")
        }

        /// Reads the stopped server's directory; returns the newest stored counter sample.
        private func checkStored(_ dataDir: String, requestsAtStop: Int, runs: Int) throws -> Sample {
            let stored = try StoredData(dataDir)
            #expect(try stored.integrityCheck() == "ok")
            let series = try stored.series(#"fixture_requests_total{job="fixture"}"#)
            try #require(series.count == 1, "one counter series: \(series.map(\.summary))")
            let samples = series[0].samples.withoutStaleMarkers
            #expect(series[0].samples.timestampsStrictlyIncrease, "no duplicate samples: \(series[0].summary)")
            // One sample per scrape: the counter is the fixture's request number, so the
            // stored values are 1, 2, 3, ... with none repeated and none missing, except a
            // scrape cut short by a shutdown (at most one per run).
            let values = samples.map(\.value)
            let steps = zip(values, values.dropFirst()).map { $1 - $0 }
            #expect(values.first == 1 && steps.allSatisfy { $0 == 1 || $0 == 2 }, "one sample per scrape: \(values)")
            #expect(steps.filter { $0 == 2 }.count <= runs && values.count >= requestsAtStop - runs,
                    "\(values.count) samples for \(requestsAtStop) requests in \(runs) run(s): \(values)")
            // Scrapes are an interval apart, except across a restart (a restarted loop may
            // scrape sooner).
            let gaps = zip(series[0].samples, series[0].samples.dropFirst()).map { $1.timestamp - $0.timestamp }
            #expect(gaps.filter { $0 < 500 }.count <= runs - 1, "scrapes are about 1s apart: \(series[0].samples)")
            // A shutdown is not a disappearance: as in Prometheus, no staleness markers.
            #expect(series[0].samples.allSatisfy { !$0.value.isStaleMarker }, "\(series[0].summary)")

            let up = try stored.series(#"up{job="fixture"}"#).first?.samples.withoutStaleMarkers ?? []
            #expect(!up.isEmpty && up.allSatisfy { $0.value == 1 }, "fixture up: \(up)")
            let slowUp = try stored.series(#"up{job="slow"}"#).first?.samples.withoutStaleMarkers ?? []
            #expect(!slowUp.isEmpty && slowUp.allSatisfy { $0.value == 0 })
            #expect(try stored.series(#"{__name__=~"fixture_malformed_.*"}"#).isEmpty, "nothing of a malformed scrape is stored")
            #expect(try stored.series(#"{__name__="fixture_slow_value"}"#).isEmpty)
            return try #require(samples.last)
        }
    }
}
