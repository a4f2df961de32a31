import Foundation
import Testing

extension EndToEnd {
    /// A real Prometheus scrapes serve's `/metrics` and federates its `/federate`: both
    /// jobs come up, and a fixture series scraped by MeshScope is queryable in Prometheus.
    @Suite struct PrometheusInteropTests {
        @Test func prometheusScrapesAndFederates() async throws {
            guard ExternalTools.hasPrometheus else {
                print("prometheus not installed (apt-get install -y prometheus): skipped the Prometheus interop test")
                return
            }
            try await withTemporaryDirectory("prometheus") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                let config = join(dir, "meshscope.yaml")
                try write(configYAML([
                    JobConfig(name: "fixture", targets: [fixture.address], path: "/text", labels: ["team": "mesh"]),
                    JobConfig(name: "fixture_om", targets: [fixture.address], path: "/openmetrics"),
                ]), to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                _ = try await eventually("the fixture scraped", context: serve.logTail) {
                    try await serve.federate(#"fixture_requests_total{job="fixture"}"#).samples.first
                }

                let prometheus = try await PrometheusProcess.start(config: """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                    scrape_configs:
                      - job_name: meshscope
                        static_configs:
                          - targets: ["127.0.0.1:\(serve.port)"]
                      - job_name: federate
                        honor_labels: true
                        metrics_path: /federate
                        params:
                          "match[]": ['{job="fixture"}', '{job="fixture_om"}']
                        static_configs:
                          - targets: ["127.0.0.1:\(serve.port)"]

                    """, workDir: dir)
                defer { prometheus.kill() }

                let context = { prometheus.logTail() + "\n" + serve.logTail() }
                _ = try await eventually("Prometheus to see both jobs up", timeout: .seconds(30), every: .milliseconds(500),
                                         context: context) {
                    let up = try await prometheus.query("up")
                    let upJobs = up.filter { (($0["value"] as? [Any])?.last as? String) == "1" }
                        .compactMap { ($0["metric"] as? [String: String])?["job"] }
                    return Set(upJobs).isSuperset(of: ["meshscope", "federate"]) ? true : nil
                }
                let targets = try await HTTP.get(prometheus.baseURL + "/api/v1/targets")
                #expect(!targets.text.contains(try Regex(#""lastError":"[^"]"#)), "no scrape errors: \(targets.text)")

                // Federated with honor_labels: the series keeps MeshScope's job and instance.
                let federated = try await eventually("a federated fixture series in Prometheus", timeout: .seconds(15),
                                                     every: .milliseconds(500), context: context) {
                    let result = try await prometheus.query(#"fixture_requests_total{job="fixture"}"#)
                    return result.isEmpty ? nil : result
                }
                let labels = try #require(federated.first?["metric"] as? [String: String])
                #expect(labels["instance"] == fixture.address)
                #expect(labels["team"] == "mesh" && labels["path"] == "/text")
                let buckets = try await prometheus.query(#"fixture_latency_seconds_bucket{job="fixture"}"#)
                #expect(buckets.count == 4, "all histogram buckets federated")
                let openMetrics = try await prometheus.query(#"fixture_om_events_total{job="fixture_om"}"#)
                #expect((openMetrics.first?["metric"] as? [String: String])?["kind"] == "a \"quoted\" kind")
                // MeshScope's own /metrics, scraped directly.
                let ownMetrics = try await prometheus.query(#"meshscope_build_info{job="meshscope"}"#)
                #expect(ownMetrics.count == 1)
                let samplesScraped = try await prometheus.query(#"scrape_samples_scraped{job="meshscope"}"#)
                #expect(Double((samplesScraped.first?["value"] as? [Any])?.last as? String ?? "0") ?? 0 > 10)
                prometheus.kill()
                _ = try await serve.stop()
            }
        }
    }
}
