import Config
import MeshMetrics
import Testing

/// `kubernetes_sd_configs`: keys, defaults, errors at file:line, rendering, and the
/// standard Prometheus `kubernetes-pods` relabel recipe over discovered label sets.
@Suite struct KubernetesSDConfigTests {
    private static func parse(_ yaml: String) throws -> ScrapeConfig {
        let config = try MeshScopeConfig.parse(yaml: yaml, source: "meshscope.yaml")
        return try #require(config.scrapeConfigs.first)
    }

    private static func error(_ yaml: String) -> ConfigError? {
        do { _ = try MeshScopeConfig.parse(yaml: yaml, source: "meshscope.yaml"); return nil } catch { return error }
    }

    /// The relabel recipe of Prometheus' example config (prometheus-kubernetes.yml).
    static let recipe = """
        scrape_configs:
          - job_name: kubernetes-pods
            kubernetes_sd_configs:
              - role: pod
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
                action: replace
                target_label: namespace
              - source_labels: [__meta_kubernetes_pod_name]
                action: replace
                target_label: pod
        """

    @Test func defaultsAreInClusterPodDiscovery() throws {
        let job = try Self.parse("scrape_configs:\n  - job_name: k\n    kubernetes_sd_configs:\n      - role: pod\n")
        let sd = try #require(job.kubernetesSDConfigs.first)
        #expect(sd.role == .pod && sd.apiServer == nil && sd.namespaces.isEmpty && !sd.ownNamespace)
        #expect(sd.bearerTokenFile == nil && sd.caFile == nil && !sd.insecureSkipVerify)
        #expect(sd.refreshInterval == .seconds(30) && sd.selectors.isEmpty)
        #expect(job.staticConfigs.isEmpty)
    }

    @Test func parsesEveryKey() throws {
        let job = try Self.parse("""
            scrape_configs:
              - job_name: k
                kubernetes_sd_configs:
                  - role: pod
                    api_server: https://10.0.0.1:6443/
                    namespaces:
                      names: [default, mesh]
                      own_namespace: true
                    selectors:
                      - role: pod
                        label: "app=web"
                        field: "spec.nodeName=n1"
                    bearer_token_file: /tmp/token
                    tls_config:
                      ca_file: /tmp/ca.crt
                      insecure_skip_verify: true
                    refresh_interval: 5s
            """)
        let sd = try #require(job.kubernetesSDConfigs.first)
        #expect(sd.apiServer == "https://10.0.0.1:6443")
        #expect(sd.namespaces == ["default", "mesh"] && sd.ownNamespace)
        #expect(sd.selectors == [.init(label: "app=web", field: "spec.nodeName=n1")])
        #expect(sd.bearerTokenFile == "/tmp/token" && sd.caFile == "/tmp/ca.crt" && sd.insecureSkipVerify)
        #expect(sd.refreshInterval == .seconds(5))
    }

    /// (case, entry body from line 4, expected line, path, reason prefix).
    static let invalid: [(String, String, Int, String, String)] = [
        ("service role", "- role: service", 4, "scrape_configs[0].kubernetes_sd_configs[0].role",
         "role \"service\" is not supported; only pod and endpoints"),
        ("node role", "- role: node", 4, "scrape_configs[0].kubernetes_sd_configs[0].role",
         "role \"node\" is not supported; only pod and endpoints"),
        ("unknown role", "- role: pods", 4, "scrape_configs[0].kubernetes_sd_configs[0].role", "unknown role \"pods\""),
        ("missing role", "- api_server: http://a:1", 4, "scrape_configs[0].kubernetes_sd_configs[0]",
         "missing required key \"role\""),
        ("bad url", "- role: pod\n        api_server: localhost:6443", 5,
         "scrape_configs[0].kubernetes_sd_configs[0].api_server", "\"localhost:6443\" is not a valid API server URL"),
        ("unknown key", "- role: pod\n        kubeconfig_file: x", 5,
         "scrape_configs[0].kubernetes_sd_configs[0].kubeconfig_file", "unknown key \"kubeconfig_file\""),
        ("zero refresh", "- role: pod\n        refresh_interval: 0s", 5,
         "scrape_configs[0].kubernetes_sd_configs[0].refresh_interval", "must be greater than 0s"),
        ("selector role", "- role: pod\n        selectors: [{role: endpoints, label: a=b}]", 5,
         "scrape_configs[0].kubernetes_sd_configs[0].selectors[0].role",
         "selector role \"endpoints\" is not read by a pod entry; use pod"),
        ("endpoints selector role", "- role: endpoints\n        selectors: [{role: node, label: a=b}]", 5,
         "scrape_configs[0].kubernetes_sd_configs[0].selectors[0].role",
         "selector role \"node\" is not read by a endpoints entry"),
    ]

    @Test(arguments: invalid.indices)
    func errorsPointAtTheLine(_ index: Int) throws {
        let (name, body, line, path, reason) = Self.invalid[index]
        let yaml = "scrape_configs:\n  - job_name: k\n    kubernetes_sd_configs:\n      " + body + "\n"
        let error = try #require(Self.error(yaml), "\(name) should fail")
        #expect(error.line == line, "\(name): \(error)")
        #expect(error.path == path, "\(name): \(error)")
        #expect(error.reason.hasPrefix(reason), "\(name): \(error)")
    }

    @Test func endpointsEntriesTakeSelectorsPerRole() throws {
        let config = try MeshScopeConfig.parse(yaml: """
            scrape_configs:
              - job_name: kubernetes-service-endpoints
                kubernetes_sd_configs:
                  - role: endpoints
                    selectors:
                      - {role: service, label: "prometheus.io/scrape=true"}
                      - {role: pod, field: "status.phase=Running"}
                      - {label: "app"}
            """, source: "e.yaml")
        let sd = try #require(config.scrapeConfigs.first?.kubernetesSDConfigs.first)
        #expect(sd.role == .endpoints)
        #expect(sd.selectors == [.init(role: .service, label: "prometheus.io/scrape=true"),
                                 .init(role: .pod, field: "status.phase=Running"),
                                 .init(role: .endpoints, label: "app")])
        let again = try MeshScopeConfig.parse(yaml: config.yamlDescription, source: "again.yaml")
        let reread = try #require(again.scrapeConfigs.first?.kubernetesSDConfigs.first)
        #expect(reread.role == .endpoints && reread.selectors == sd.selectors)
    }

    @Test func renderedConfigReadsBackTheSame() throws {
        let config = try MeshScopeConfig.parse(yaml: Self.recipe, source: "a.yaml")
        let rendered = config.yamlDescription
        #expect(rendered.contains("kubernetes_sd_configs:"))
        #expect(rendered.contains("bearer_token_file: /var/run/secrets/kubernetes.io/serviceaccount/token"))
        let again = try MeshScopeConfig.parse(yaml: rendered, source: "b.yaml")
        #expect(again.scrapeConfigs.first?.kubernetesSDConfigs.first?.refreshInterval == .seconds(30))
        #expect(again.scrapeConfigs.first?.relabelConfigs == config.scrapeConfigs.first?.relabelConfigs)
    }

    static func pod(_ name: String, address: String, annotations: [String: String], labels: [String: String] = [:]) -> Labels {
        var pairs = ["__address__": address, "__meta_kubernetes_namespace": "shop",
                     "__meta_kubernetes_pod_name": name, "__meta_kubernetes_pod_ip": "10.1.2.3"]
        for (key, value) in annotations {
            pairs["__meta_kubernetes_pod_annotation_" + key] = value
            pairs["__meta_kubernetes_pod_annotationpresent_" + key] = "true"
        }
        for (key, value) in labels { pairs["__meta_kubernetes_pod_label_" + key] = value }
        return Labels(pairs)
    }

    @Test func prometheusPodRecipeWorksWithOurRelabeler() throws {
        let job = try Self.parse(Self.recipe)
        let discovered = [
            Self.pod("web-1", address: "10.1.2.3:8080",
                     annotations: ["prometheus_io_scrape": "true", "prometheus_io_port": "15020",
                                   "prometheus_io_path": "/stats/prometheus"],
                     labels: ["app": "web", "version": "v1"]),
            // No declared port: `__address__` is the bare IP, the annotation supplies the port.
            Self.pod("bare", address: "10.1.2.4", annotations: ["prometheus_io_scrape": "true", "prometheus_io_port": "9100"]),
            Self.pod("quiet", address: "10.1.2.5:80", annotations: [:]),
            Self.pod("off", address: "10.1.2.6:80", annotations: ["prometheus_io_scrape": "false"]),
        ]
        let targets = job.targets(discovered: discovered)
        #expect(targets.map(\.target) == ["10.1.2.3:15020", "10.1.2.4:9100"])
        let web = try #require(targets.first)
        #expect(web.labels == Labels(["app": "web", "version": "v1", "namespace": "shop", "pod": "web-1",
                                      "job": "kubernetes-pods",
                                      "instance": "10.1.2.3:15020", "__metrics_path__": "/stats/prometheus"]))
        // Default path kept when the annotation is absent; no meta label survives.
        #expect(targets[1].labels == Labels(["namespace": "shop", "pod": "bare", "instance": "10.1.2.4:9100",
                                             "job": "kubernetes-pods"]))
        #expect(!targets.contains { $0.labels.pairs.contains { $0.name.hasPrefix("__meta") } })
    }

    @Test func discoveredTargetsWithoutRulesKeepOnlyTheAddress() throws {
        let job = try Self.parse("scrape_configs:\n  - job_name: k\n    kubernetes_sd_configs:\n      - role: pod\n")
        let targets = job.targets(discovered: [Self.pod("p", address: "10.0.0.9:80", annotations: ["a": "b"])])
        #expect(targets.map(\.target) == ["10.0.0.9:80"])
        #expect(targets.first?.labels == Labels(["instance": "10.0.0.9:80", "job": "k"]))
    }
}
