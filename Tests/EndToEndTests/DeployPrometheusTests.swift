import Foundation
import Testing

extension EndToEnd {
    /// Debian's Prometheus runs `Deploy/prometheus/prometheus.yml` as shipped, with only the
    /// collector's address and the intervals changed for a test: it federates MeshScope's
    /// Istio series (and nothing else) with their own job and instance.
    @Suite struct DeployPrometheusTests {
        @Test func shippedConfigFederatesTheMeshMetrics() async throws {
            guard ExternalTools.hasPrometheus else {
                print("prometheus not installed (apt-get install -y prometheus): skipped the deployed federation test")
                return
            }
            try await withTemporaryDirectory("deploy-prometheus") { dir in
                // Mesh metrics as a sidecar reports them, imported with current timestamps.
                let dataDir = join(dir, "data")
                let now = Int64(Date().timeIntervalSince1970)
                let labels = #"reporter="source",source_workload="productpage-v1",destination_service_name="reviews",response_code="200",job="envoy-stats",instance="10.0.0.7:15000""#
                let steps = (0..<10).map { (value: $0, time: now - 50 + Int64($0) * 5) }
                let lines = ["# TYPE istio_requests counter"]
                    + steps.map { "istio_requests_total{\(labels)} \($0.value * 5) \($0.time)" }
                    + ["# TYPE other counter"]
                    + steps.map { "other_total{job=\"envoy-stats\"} \($0.value) \($0.time)" }
                let file = join(dir, "mesh.om")
                try write(lines.joined(separator: "\n") + "\n# EOF\n", to: file)
                let imported = try await MeshScopeCommand.run(["import", "--data-dir", dataDir, file], in: dir)
                #expect(imported.status == 0, "\(imported.stdout)\n\(imported.stderr)")
                let serve = try await ServeProcess.start(dataDir: dataDir, config: nil, workDir: dir)
                defer { serve.terminateIfRunning() }

                let shipped = try String(contentsOfFile: join(ZipkinReporterTests.repositoryPath(),
                                                              "Deploy/prometheus/prometheus.yml"), encoding: .utf8)
                #expect(shipped.contains(#"targets: ["meshscope:9098"]"#))
                let config = shipped.replacingOccurrences(of: "meshscope:9098", with: "127.0.0.1:\(serve.port)")
                    .replacingOccurrences(of: "scrape_interval: 15s", with: "scrape_interval: 1s")
                let prometheus = try await PrometheusProcess.start(config: config, workDir: dir)
                defer { prometheus.kill() }
                let context = { prometheus.logTail() + "\n" + serve.logTail() }
                let federated = try await eventually("the Istio series federated into Prometheus", timeout: .seconds(30),
                                                     every: .milliseconds(500), context: context) {
                    let result = try await prometheus.query(#"istio_requests_total{destination_service_name="reviews"}"#)
                    return result.isEmpty ? nil : result
                }
                let metric = try #require(federated.first?["metric"] as? [String: String])
                // honor_labels: the sidecar's job and instance, not the federation job's.
                #expect(metric["job"] == "envoy-stats" && metric["instance"] == "10.0.0.7:15000", "\(metric)")
                #expect(metric["source_workload"] == "productpage-v1")
                // Only the Istio series are federated; MeshScope's own /metrics is scraped too.
                #expect(try await prometheus.query(#"other_total"#).isEmpty)
                // The two jobs scrape on their own schedules: wait for the self-scrape too.
                _ = try await eventually("MeshScope's own /metrics scraped", timeout: .seconds(30),
                                         every: .milliseconds(500), context: context) {
                    let own = try await prometheus.query(#"up{job="meshscope"}"#)
                    return (own.first?["value"] as? [Any])?.last as? String == "1" ? true : nil
                }
                prometheus.kill()
                _ = try await serve.stop()
            }
        }
    }
}
