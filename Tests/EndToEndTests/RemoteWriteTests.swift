import LoopbackPorts
import Foundation
import Testing

extension EndToEnd {
    /// Remote write to Debian's Prometheus (`--web.enable-remote-write-receiver`): live
    /// delivery, then a receiver outage during which the collector is killed with SIGKILL;
    /// after both come back, Prometheus holds exactly the samples MeshScope stored, with
    /// the external labels added and the write-relabelled series left out.
    @Suite struct RemoteWriteTests {
        static func config(target: String?, receiverPort: Int) -> String {
            var text = """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  external_labels: {cluster: edge-1}

                """
            if let target {
                text += """
                    scrape_configs:
                      - job_name: rw
                        metrics_path: /text
                        static_configs: [{targets: ["\(target)"]}]

                    """
            }
            text += """
                remote_write:
                  - url: http://127.0.0.1:\(receiverPort)/api/v1/write
                    name: prom
                    remote_timeout: 2s
                    headers: {X-Scope-OrgID: tenant-a}
                    write_relabel_configs:
                      - source_labels: [__name__]
                        regex: scrape_duration_seconds
                        action: drop
                    queue_config:
                      max_samples_per_send: 50
                      batch_send_deadline: 200ms
                      min_backoff: 50ms
                      max_backoff: 400ms
                """
            return text
        }

        @Test func samplesArriveExactlyAcrossAnOutageAndACrash() async throws {
            guard ExternalTools.hasPrometheus else {
                print("prometheus not installed (apt-get install -y prometheus): skipped the remote-write test")
                return
            }
            try await withTemporaryDirectory("remote-write") { dir in
                let receiverPort = try LoopbackPort.free()
                let receiverConfig = "global:\n  scrape_interval: 1m\n"
                let receiverFlags = ["--web.enable-remote-write-receiver"]
                var prometheus = try await PrometheusProcess.start(config: receiverConfig, workDir: dir, port: receiverPort,
                                                                   extraArguments: receiverFlags)
                defer { prometheus.kill() }
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                let dataDir = join(dir, "data")
                let scraping = join(dir, "scraping.yml")
                try write(Self.config(target: fixture.address, receiverPort: receiverPort), to: scraping)

                // Live: samples reach Prometheus while the collector scrapes.
                let first = try await ServeProcess.start(dataDir: dataDir, config: scraping, workDir: dir)
                defer { first.terminateIfRunning() }
                _ = try await eventually("live samples in Prometheus", timeout: .seconds(30), every: .milliseconds(250),
                                         context: { prometheus.logTail() + first.logTail() }) {
                    let up = try await prometheus.query(#"count_over_time(up{job="rw",cluster="edge-1"}[1h])"#)
                    return ((up.first?["value"] as? [Any])?.last as? String).flatMap(Double.init).map { $0 >= 3 } == true ? true : nil
                }

                // Outage: the receiver goes away; the collector keeps scraping and retrying.
                prometheus.kill()
                _ = try await eventually("failed deliveries to be retried", timeout: .seconds(30), every: .milliseconds(200),
                                         context: first.logTail) {
                    try await (first.forwardValue("meshscope_forward_items_total", destination: "prom", outcome: "retried") ?? 0) > 0
                        ? true : nil
                }
                try await Task.sleep(for: .seconds(2))
                let pendingAtCrash = try await first.forwardValue("meshscope_forward_pending_items", destination: "prom") ?? 0
                #expect(pendingAtCrash > 0, "scrapes during the outage wait in the queue")
                await first.crash()

                // Both come back; the restarted collector (no scrapes now) delivers its queue.
                prometheus = try await PrometheusProcess.start(config: receiverConfig, workDir: dir, port: receiverPort,
                                                               extraArguments: receiverFlags)
                let drainOnly = join(dir, "drain.yml")
                try write(Self.config(target: nil, receiverPort: receiverPort), to: drainOnly)
                let second = try await ServeProcess.start(dataDir: dataDir, config: drainOnly, workDir: dir)
                defer { second.terminateIfRunning() }
                try await second.waitForEmptyQueue("prom")
                let delivered = try await second.forwardValue("meshscope_forward_items_total", destination: "prom",
                                                              outcome: "delivered") ?? 0
                #expect(delivered >= pendingAtCrash, "the queue survived SIGKILL: \(delivered) < \(pendingAtCrash)")

                let now = Date().timeIntervalSince1970
                let stored = try await RawSeries.fetch(second.baseURL, selector: #"{job="rw"}"#, time: now)
                let received = try await RawSeries.fetch(prometheus.baseURL, selector: #"{job="rw"}"#, time: now,
                                                            dropping: ["cluster"])
                var expected = stored
                expected.series = stored.series.filter { !$0.key.contains(#"__name__="scrape_duration_seconds""#) }
                #expect(expected.sampleCount > 20, "\(stored)")
                #expect(expected.series.count < stored.series.count, "write_relabel_configs dropped a series")
                #expect(received == expected, "Prometheus:\n\(received)\nMeshScope:\n\(expected)")
                print("remote write: Prometheus holds \(received.sampleCount) samples in \(received.series.count) series, "
                    + "MeshScope \(expected.sampleCount) in \(expected.series.count) (after write relabelling); "
                    + "\(Int(pendingAtCrash)) were queued at the crash, \(Int(delivered)) delivered after the restart")
                let unlabelled = try await prometheus.query(#"count({job="rw",cluster!="edge-1"})"#)
                #expect(unlabelled.isEmpty, "every series carries the external label")
                _ = try await second.stop()
            }
        }
    }
}
