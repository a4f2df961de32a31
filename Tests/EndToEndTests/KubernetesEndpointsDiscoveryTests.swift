import Foundation
import MeshMetrics
import Scrape
import Testing

extension EndToEnd {
    /// `kubernetes_sd_configs` role endpoints: Endpoints, Services and Pods → targets, then
    /// a real `serve` using the `kubernetes-service-endpoints` recipe of Istio's Prometheus
    /// add-on against a fake Kubernetes API on 127.0.0.1.
    @Suite struct KubernetesEndpointsDiscoveryTests {
        static let recipe = """
                relabel_configs:
                  - source_labels: [__meta_kubernetes_service_annotation_prometheus_io_scrape]
                    action: keep
                    regex: true
                  - source_labels: [__meta_kubernetes_service_annotation_prometheus_io_path]
                    action: replace
                    target_label: __metrics_path__
                    regex: (.+)
                  - action: labelmap
                    regex: __meta_kubernetes_service_label_(.+)
                  - source_labels: [__meta_kubernetes_namespace]
                    target_label: namespace
                  - source_labels: [__meta_kubernetes_service_name]
                    target_label: service
                  - source_labels: [__meta_kubernetes_pod_name]
                    target_label: pod
            """

        static func decode<T: Decodable>(_ json: String, as type: T.Type) throws -> T {
            try JSONDecoder().decode(type, from: Data(json.utf8))
        }

        @Test func endpointsServicesAndPodsBecomeTargets() throws {
            let service = FakeService(name: "reviews", labels: ["app": "reviews"], annotations: ["prometheus.io/scrape": "true"])
            let endpoints = FakeEndpoints(name: "reviews", labels: ["team": "books"],
                                          ready: [(ip: "10.0.0.5", pod: "reviews-v1")], notReady: [(ip: "10.0.0.6", pod: nil)],
                                          ports: [(name: "http", port: 9080)])
            var pod = FakePod(name: "reviews-v1", podIP: "10.0.0.5", labels: ["version": "v1"])
            pod.containers = [("app", [9080]), ("istio-proxy", [15090])]
            let targets = EndpointsTargets.targets(
                endpoints: [try Self.decode(FakeEndpoints.list([endpoints]), as: EndpointsList.self)],
                services: [try Self.decode(FakeService.list([service]), as: ServiceList.self)],
                pods: [try Self.decode(FakePod.podList([pod]), as: PodList.self)])
            #expect(targets.map { $0["__address__"] } == ["10.0.0.5:9080", "10.0.0.6:9080", "10.0.0.5:15090"],
                    "each address on each port, then the pod's port no endpoint covers")
            let group = ["__meta_kubernetes_namespace": "shop", "__meta_kubernetes_endpoints_name": "reviews",
                         "__meta_kubernetes_endpoints_label_team": "books", "__meta_kubernetes_service_name": "reviews",
                         "__meta_kubernetes_service_label_app": "reviews",
                         "__meta_kubernetes_service_annotation_prometheus_io_scrape": "true"]
            for target in targets {
                for (name, value) in group { #expect(target[name] == value, "\(name) on \(target)") }
            }
            let ready = targets[0]
            let expected = [
                "__meta_kubernetes_endpoint_ready": "true", "__meta_kubernetes_endpoint_port_name": "http",
                "__meta_kubernetes_endpoint_port_protocol": "TCP", "__meta_kubernetes_endpoint_node_name": "node-1",
                "__meta_kubernetes_endpoint_address_target_kind": "Pod",
                "__meta_kubernetes_endpoint_address_target_name": "reviews-v1",
                "__meta_kubernetes_pod_name": "reviews-v1", "__meta_kubernetes_pod_label_version": "v1",
                "__meta_kubernetes_pod_container_name": "app", "__meta_kubernetes_pod_container_port_number": "9080",
            ]
            for (name, value) in expected { #expect(ready[name] == value, "\(name)") }
            // Not ready, and no pod behind it: endpoint labels only.
            #expect(targets[1]["__meta_kubernetes_endpoint_ready"] == "false")
            #expect(targets[1]["__meta_kubernetes_pod_name"] == nil && targets[1]["__meta_kubernetes_endpoint_address_target_kind"] == nil)
            // The sidecar's port: pod and container labels, no endpoint labels.
            #expect(targets[2]["__meta_kubernetes_pod_container_name"] == "istio-proxy")
            #expect(targets[2]["__meta_kubernetes_endpoint_ready"] == nil && targets[2]["__meta_kubernetes_pod_name"] == "reviews-v1")
            // Endpoints without a service of the same name carry no service labels.
            let lone = EndpointsTargets.targets(
                endpoints: [try Self.decode(FakeEndpoints.list([FakeEndpoints(name: "lone", ready: [(ip: "10.0.0.9", pod: nil)],
                                                                              ports: [(name: "", port: 80)])]),
                                            as: EndpointsList.self)],
                services: [], pods: [])
            #expect(lone.count == 1 && lone[0]["__meta_kubernetes_service_name"] == nil && lone[0]["__address__"] == "10.0.0.9:80")
        }

        @Test func serveScrapesAnnotatedServicesThroughTheirEndpoints() async throws {
            try await withTemporaryDirectory("k8s-endpoints") { dir in
                let web = try await FixtureTarget.start()
                defer { web.cancel() }
                let quiet = try await FixtureTarget.start()
                defer { quiet.cancel() }
                let api = try await FakeKubernetesAPI.start()
                defer { api.cancel() }
                api.update { state in
                    state.services = [
                        FakeService(name: "web", labels: ["tier": "front"],
                                    annotations: ["prometheus.io/scrape": "true", "prometheus.io/path": "/text"]),
                        FakeService(name: "quiet"),
                    ]
                    state.endpoints = [
                        FakeEndpoints(name: "web", ready: [(ip: "127.0.0.1", pod: "web-1")], ports: [(name: "http", port: web.port)]),
                        FakeEndpoints(name: "quiet", ready: [(ip: "127.0.0.1", pod: nil)], ports: [(name: "http", port: quiet.port)]),
                    ]
                    state.pods = [FakePod(name: "web-1", containers: [("app", [web.port])])]
                }
                let config = join(dir, "meshscope.yaml")
                try write("""
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                    scrape_configs:
                      - job_name: kubernetes-service-endpoints
                        scrape_interval: 1s
                        kubernetes_sd_configs:
                          - role: endpoints
                            api_server: \(api.url)
                            refresh_interval: 1s
                    \(Self.recipe)
                    """, to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }

                let up = try await eventually("web scraped through its endpoints", timeout: .seconds(60), context: serve.logTail) {
                    let samples = try await serve.federate(#"up{job="kubernetes-service-endpoints"}"#).samples
                    return samples.count == 1 && samples[0].value == 1 ? samples[0] : nil
                }
                #expect(up.labels == Labels(["__name__": "up", "job": "kubernetes-service-endpoints", "instance": web.address,
                                             "namespace": "shop", "service": "web", "pod": "web-1", "tier": "front"]))
                #expect(web.requests("/text") >= 1 && quiet.requests("/text") == 0 && quiet.requests("/metrics") == 0)
                let paths = Set(api.snapshot.paths)
                #expect(paths.isSuperset(of: ["/api/v1/endpoints", "/api/v1/services", "/api/v1/pods"]), "\(paths)")

                let targets = try await APIClient(serve).get("/api/v1/targets")
                let active = targets.dataObject["activeTargets"] as? [[String: Any]] ?? []
                let seen = active.first?["discoveredLabels"] as? [String: String] ?? [:]
                #expect(seen["__meta_kubernetes_endpoint_ready"] == "true" && seen["__meta_kubernetes_service_name"] == "web",
                        "\(seen)")
                let dropped = targets.dataObject["droppedTargets"] as? [[String: Any]] ?? []
                #expect(dropped.compactMap { ($0["discoveredLabels"] as? [String: String])?["__meta_kubernetes_service_name"] }
                    == ["quiet"], "\(dropped)")
                _ = try await serve.stop()
            }
        }
    }
}
