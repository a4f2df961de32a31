import Foundation
import MeshMetrics
import Scrape
import Testing

extension EndToEnd {
    /// `kubernetes_sd_configs` role pod: the PodList → targets mapping, then a real
    /// `serve` discovering pods from a fake Kubernetes API on 127.0.0.1 that point at
    /// fixture targets, relabelled with Prometheus' `kubernetes-pods` annotation recipe.
    @Suite struct KubernetesDiscoveryTests {
        static let recipe = """
                relabel_configs:
                  - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
                    action: keep
                    regex: true
                  - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_path]
                    action: replace
                    target_label: __metrics_path__
                    regex: (.+)
                  - source_labels: [__address__, __meta_kubernetes_pod_annotation_prometheus_io_port]
                    action: replace
                    regex: ([^:]+)(?::\\d+)?;(\\d+)
                    replacement: $1:$2
                    target_label: __address__
                  - action: labelmap
                    regex: __meta_kubernetes_pod_label_(.+)
                  - source_labels: [__meta_kubernetes_namespace]
                    target_label: namespace
                  - source_labels: [__meta_kubernetes_pod_name]
                    target_label: pod
            """

        static func config(api: String, tokenFile: String) -> String {
            """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: kubernetes-pods
                scrape_interval: 1s
                # A 404 on the fixtures: only the annotated path scrapes.
                metrics_path: /nowhere
                kubernetes_sd_configs:
                  - role: pod
                    api_server: \(api)
                    bearer_token_file: \(tokenFile)
                    refresh_interval: 1s
                keep_dropped_targets: 1
            \(recipe)
            """
        }

        static func annotated(_ name: String, port: Int, app: String) -> FakePod {
            FakePod(name: name, labels: ["app": app, "app.kubernetes.io/part-of": "shop"],
                    annotations: ["prometheus.io/scrape": "true", "prometheus.io/port": "\(port)",
                                  "prometheus.io/path": "/text"],
                    containers: [("app", [1]), ("sidecar", [])])
        }

        @Test func podListBecomesPrometheusPodTargets() throws {
            var pod = Self.annotated("web-1", port: 15020, app: "web")
            pod.containers = [("app", [8080, 8443]), ("sidecar", [])]
            let pending = FakePod(name: "pending", podIP: nil)
            let json = FakePod.podList([pod, pending])
            let list = try JSONDecoder().decode(PodList.self, from: Data(json.utf8))
            let targets = PodTargets.targets(from: list)
            #expect(targets.map { $0["__address__"] } == ["127.0.0.1:8080", "127.0.0.1:8443", "127.0.0.1"],
                    "one per port, one per port-less container, none for the pod without an IP")
            let first = try #require(targets.first)
            let expected: [String: String] = [
                "__meta_kubernetes_namespace": "shop", "__meta_kubernetes_pod_name": "web-1",
                "__meta_kubernetes_pod_ip": "127.0.0.1", "__meta_kubernetes_pod_ready": "true",
                "__meta_kubernetes_pod_phase": "Running", "__meta_kubernetes_pod_node_name": "node-1",
                "__meta_kubernetes_pod_host_ip": "192.168.0.10", "__meta_kubernetes_pod_uid": "uid-web-1",
                "__meta_kubernetes_pod_controller_kind": "ReplicaSet", "__meta_kubernetes_pod_controller_name": "web-1-rs",
                "__meta_kubernetes_pod_label_app": "web", "__meta_kubernetes_pod_labelpresent_app": "true",
                "__meta_kubernetes_pod_label_app_kubernetes_io_part_of": "shop",
                "__meta_kubernetes_pod_annotation_prometheus_io_port": "15020",
                "__meta_kubernetes_pod_annotationpresent_prometheus_io_scrape": "true",
                "__meta_kubernetes_pod_container_name": "app", "__meta_kubernetes_pod_container_port_name": "http",
                "__meta_kubernetes_pod_container_port_number": "8080",
                "__meta_kubernetes_pod_container_port_protocol": "TCP",
            ]
            for (name, value) in expected { #expect(first[name] == value, "\(name)") }
            #expect(targets[2]["__meta_kubernetes_pod_container_name"] == "sidecar")
            #expect(targets[2]["__meta_kubernetes_pod_container_port_number"] == nil)
            #expect(PodTargets.sanitize("prometheus.io/scrape-me") == "prometheus_io_scrape_me")
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(PodList.self, from: Data(#"{"items":[{}]}"#.utf8)) }
        }

        @Test func discoversAnnotatedPodsAndFollowsTheList() async throws {
            try await withTemporaryDirectory("k8s-sd") { dir in
                let a = try await FixtureTarget.start()
                defer { a.cancel() }
                let b = try await FixtureTarget.start()
                defer { b.cancel() }
                let c = try await FixtureTarget.start()
                defer { c.cancel() }
                let api = try await FakeKubernetesAPI.start()
                defer { api.cancel() }
                let quiet = FakePod(name: "pod-b", labels: ["app": "b"], containers: [("app", [b.port])])
                let quieter = FakePod(name: "pod-d", labels: ["app": "d"], containers: [("app", [b.port])])
                api.update { $0.pods = [Self.annotated("pod-a", port: a.port, app: "a"), quiet, quieter,
                                        Self.annotated("pod-c", port: c.port, app: "c"),
                                        FakePod(name: "pod-pending", podIP: nil)] }
                let tokenFile = join(dir, "token")
                try write("token-1\n", to: tokenFile)
                let config = join(dir, "meshscope.yaml")
                try write(Self.config(api: api.url, tokenFile: tokenFile), to: config)
                let dataDir = join(dir, "data")
                let serve = try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
                defer { serve.terminateIfRunning() }

                // Annotated pods are scraped on the annotated port and path, with namespace/pod labels.
                let up = try await eventually("pod-a and pod-c scraped", timeout: .seconds(60), context: serve.logTail) {
                    let samples = try await serve.federate(#"up{job="kubernetes-pods"}"#).samples
                    return samples.count == 2 && samples.allSatisfy({ $0.value == 1 }) ? samples : nil
                }
                let upA = try #require(up.first { $0.labels["pod"] == "pod-a" })
                #expect(upA.labels == Labels(["__name__": "up", "job": "kubernetes-pods", "instance": a.address,
                                              "namespace": "shop", "pod": "pod-a", "app": "a",
                                              "app_kubernetes_io_part_of": "shop"]))
                #expect(up.contains { $0.labels["pod"] == "pod-c" && $0.labels["instance"] == c.address })
                #expect(a.requests("/text") >= 1 && c.requests("/text") >= 1)
                #expect(api.snapshot.authorizations.first == "Bearer token-1")

                // The un-annotated pod is not a target; the API lists the two discovered ones.
                let targets = try await APIClient(serve).get("/api/v1/targets")
                let active = targets.dataObject["activeTargets"] as? [[String: Any]] ?? []
                let urls = Set(active.compactMap { $0["scrapeUrl"] as? String })
                #expect(urls == ["http://\(a.address)/text", "http://\(c.address)/text"], "\(targets)")
                #expect(b.requests("/text") == 0)
                // Each target keeps the labels relabelling saw; the pods the recipe dropped are
                // counted, and `keep_dropped_targets: 1` keeps the first with its labels.
                let podA = try #require(active.first { $0["scrapeUrl"] as? String == "http://\(a.address)/text" })
                let seen = podA["discoveredLabels"] as? [String: String] ?? [:]
                #expect(seen["__meta_kubernetes_pod_name"] == "pod-a" && seen["__address__"] == "127.0.0.1:1", "\(seen)")
                #expect(seen["__meta_kubernetes_pod_annotation_prometheus_io_port"] == "\(a.port)")
                #expect(seen["job"] == "kubernetes-pods" && seen["__metrics_path__"] == "/nowhere"
                        && seen["__scrape_interval__"] == "1s" && seen["__scrape_timeout__"] == "1s", "\(seen)")
                #expect(targets.dataObject["droppedTargetCounts"] as? [String: Int] == ["kubernetes-pods": 2], "\(targets)")
                let dropped = targets.dataObject["droppedTargets"] as? [[String: Any]] ?? []
                #expect(dropped.count == 1 && dropped.first?["scrapePool"] as? String == "kubernetes-pods", "\(dropped)")
                let droppedLabels = dropped.first?["discoveredLabels"] as? [String: String] ?? [:]
                #expect(droppedLabels["__meta_kubernetes_pod_name"] == "pod-b" && droppedLabels["__address__"] == "127.0.0.1:\(b.port)",
                        "\(droppedLabels)")
                let onlyDropped = try await APIClient(serve).get("/api/v1/targets", [("state", "dropped")])
                #expect((onlyDropped.dataObject["activeTargets"] as? [Any])?.isEmpty == true)
                #expect((onlyDropped.dataObject["droppedTargets"] as? [Any])?.count == 1)

                // The token file is re-read on every list (projected tokens rotate).
                try write("token-2\n", to: tokenFile)
                _ = try await eventually("the rotated token to be sent", timeout: .seconds(30), context: serve.logTail) {
                    api.snapshot.authorizations.last == "Bearer token-2" ? true : nil
                }

                // pod-c leaves the list: no longer scraped, its series go stale.
                api.update { $0.pods.removeAll { $0.name == "pod-c" } }
                _ = try await eventually("pod-c to leave /federate", timeout: .seconds(30), context: serve.logTail) {
                    let samples = try await serve.federate(#"up{job="kubernetes-pods"}"#).samples
                    return samples.map { $0.labels["pod"] } == ["pod-a"] ? true : nil
                }
                let cAfterRemoval = c.requests("/text")
                let aAfterRemoval = a.requests("/text")
                _ = try await eventually("pod-a to be scraped 3 more times", timeout: .seconds(30), context: serve.logTail) {
                    a.requests("/text") >= aAfterRemoval + 3 ? true : nil
                }
                #expect(c.requests("/text") <= cAfterRemoval + 1, "pod-c is no longer scraped")

                // The API fails: the previous targets stay and keep being scraped.
                api.update { $0.failing = true }
                _ = try await eventually("two failed lists", timeout: .seconds(30), context: serve.logTail) {
                    api.snapshot.failedRequests >= 2 ? true : nil
                }
                let aDuringOutage = a.requests("/text")
                _ = try await eventually("pod-a still scraped during the outage", timeout: .seconds(30),
                                         context: serve.logTail) {
                    a.requests("/text") >= aDuringOutage + 2 && api.snapshot.failedRequests >= 3 ? true : nil
                }
                #expect(try await serve.up(job: "kubernetes-pods") == 1)
                #expect(serve.logs.contains("kubernetes pod discovery failed; keeping the previous targets"))
                let metrics = try await HTTP.get(serve.baseURL + "/metrics").text
                let failures = metrics.split(separator: "\n").first {
                    $0.hasPrefix("meshscope_sd_refresh_failures_total{") && $0.contains("job=\"kubernetes-pods\"")
                }
                #expect(failures.flatMap { $0.split(separator: " ").last.flatMap { Double($0) } }.map { $0 >= 2 } == true,
                        "failed lists are counted on /metrics: \(failures ?? "absent")")
                // At least pod-a's and the un-annotated pod-b's (kept out later by relabelling).
                let discovered = metrics.split(separator: "\n").first {
                    $0.hasPrefix(#"meshscope_sd_discovered_targets{job="kubernetes-pods",mechanism="kubernetes"}"#)
                }
                #expect(discovered.flatMap { $0.split(separator: " ").last.flatMap { Double($0) } }.map { $0 >= 2 } == true,
                        "the last good list's targets: \(discovered ?? "absent")")

                // Back up with pod-c again: discovery resumes.
                api.update { state in
                    state.failing = false
                    state.pods.append(Self.annotated("pod-c", port: c.port, app: "c"))
                }
                _ = try await eventually("pod-c scraped again", timeout: .seconds(30), context: serve.logTail) {
                    try await serve.federate(#"up{job="kubernetes-pods"}"#).samples.count == 2 ? true : nil
                }
                _ = try await serve.stop()

                let stored = try StoredData(dataDir)
                let upC = try #require(try stored.series(#"up{job="kubernetes-pods",pod="pod-c"}"#).first)
                #expect(upC.samples.contains { $0.value.isStaleMarker }, "pod-c's up went stale when it left: \(upC.summary)")
                #expect(try stored.series(#"up{pod="pod-b"}"#).isEmpty)
            }
        }
    }
}
