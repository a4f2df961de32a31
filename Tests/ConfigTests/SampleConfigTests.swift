import Config
import Foundation
import MeshMetrics
import Testing

/// The files in Deploy/config are documentation; they must keep parsing as the
/// schema evolves.
@Suite struct SampleConfigTests {
    static func samplePath(_ name: String, file: String = #filePath) -> String {
        // Tests/ConfigTests/<this file> → repository root.
        var components = file.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return (components + ["Deploy", "config", Substring(name)]).joined(separator: "/")
    }

    @Test func documentedSampleParses() throws {
        let config = try MeshScopeConfig.load(path: Self.samplePath("meshscope.yaml"))
        #expect(config.scrapeConfigs.map(\.jobName) == ["meshscope", "node", "kubernetes-pods"])
        #expect(config.scrapeConfigs[2].kubernetesSDConfigs == [KubernetesSDConfig(
            role: .pod, apiServer: nil)].map { sd in
                var sd = sd
                sd.bearerTokenFile = KubernetesSDConfig.defaultBearerTokenFile
                sd.caFile = KubernetesSDConfig.defaultCAFile
                return sd
            })
        #expect(config.global.externalLabels == Labels(["cluster": "dev", "replica": "a"]))
        #expect(config.scrapeConfigs[1].scrapeTimeout == .seconds(10))
        #expect(config.scrapeConfigs[1].targets.map(\.target)
            == ["node-1.example.internal:9100", "[fd00::12]:9100"])
        // The sample documents the defaults, so apart from the example jobs and
        // labels it must equal an empty file.
        var defaults = MeshScopeConfig()
        defaults.global.externalLabels = config.global.externalLabels
        defaults.scrapeConfigs = config.scrapeConfigs
        #expect(config.traces.autocompleteKeys == ["http.method", "http.status_code"])
        defaults.traces.autocompleteKeys = config.traces.autocompleteKeys
        #expect(config.accessLogs == [AccessLogFile(path: "/var/log/istio/reviews-v1.log", service: "reviews")])
        defaults.accessLogs = config.accessLogs
        #expect(config == defaults)
    }

    @Test func documentedSampleMentionsEveryRenderedKey() throws {
        let sample = try String(contentsOfFile: Self.samplePath("meshscope.yaml"), encoding: .utf8)
        let keys = MeshScopeConfig().yamlDescription
            .split(separator: "\n")
            .compactMap { $0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) }
        for key in keys + ["job_name", "metrics_path", "scheme", "honor_labels", "params",
                           "sample_limit", "static_configs", "targets", "labels", "path", "service",
                           "kubernetes_sd_configs", "role", "api_server", "namespaces", "names", "own_namespace",
                           "selectors", "bearer_token_file", "tls_config", "ca_file", "insecure_skip_verify",
                           "refresh_interval", "url", "name", "remote_timeout", "headers", "basic_auth", "authorization",
                           "write_relabel_configs", "queue_config", "max_samples_per_send", "max_spans_per_send",
                           "batch_send_deadline", "min_backoff", "max_backoff", "retry_on_http_429", "max_queue_bytes",
                           "encoding"] {
            #expect(sample.contains("\(key):"), "Deploy/config/meshscope.yaml does not document \(key)")
        }
    }

    @Test func selfScrapeSampleParses() throws {
        let config = try MeshScopeConfig.load(path: Self.samplePath("self-scrape.yaml"))
        #expect(config.scrapeConfigs.count == 1)
        let job = try #require(config.scrapeConfigs.first)
        #expect(job.jobName == "meshscope")
        #expect(job.scrapeInterval == .seconds(15))
        #expect(job.targets.map(\.target) == ["127.0.0.1:9098"])
        #expect(job.scrapeURL(target: "127.0.0.1:9098") == "http://127.0.0.1:9098/metrics")
        #expect(config.server.listen == "127.0.0.1:9098")
    }
}
