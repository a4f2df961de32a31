import Config
import MeshMetrics
import Foundation
import Testing

/// The collector configs embedded in the Kubernetes ConfigMaps load with MeshScope's own
/// parser (test_deploy.py checks the manifests' shape; this checks what serve reads).
@Suite struct DeployManifestConfigTests {
    static func manifest(_ name: String, file: String = #filePath) -> String {
        var components = file.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return (components + ["Deploy", "kubernetes"] + name.split(separator: "/")).joined(separator: "/")
    }

    /// The block under `meshscope.yaml: |` of the ConfigMap, dedented.
    static func embeddedConfig(_ name: String) throws -> String {
        let text = try String(contentsOfFile: manifest(name), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "meshscope.yaml: |" })
        lines = Array(lines[(start + 1)...])
        let block = lines.prefix { $0.isEmpty || $0.hasPrefix("    ") }
        return block.map { $0.dropFirst(min(4, $0.count)) }.joined(separator: "\n")
    }

    @Test func collectorConfigDiscoversAnnotatedPods() throws {
        let config = try MeshScopeConfig.parse(yaml: Self.embeddedConfig("collector.yaml"), source: "collector.yaml")
        let job = try #require(config.scrapeConfigs.first { $0.jobName == "kubernetes-pods" })
        #expect(job.kubernetesSDConfigs.map(\.role) == [.pod])
        #expect(job.kubernetesSDConfigs.first?.apiServer == nil, "in-cluster")
        #expect(!config.scrapeConfigs.contains { $0.jobName == "envoy-stats" })
    }

    @Test func shardedConfigNeedsAndUsesShard() throws {
        let text = try Self.embeddedConfig("sharded/collector-sharded.yaml")
        var shards: [Int: [String]] = [:]
        let discovered = (1...40).map { n in
            Labels(["__address__": "10.0.\(n / 10).\(n):8080",
                    "__meta_kubernetes_pod_annotation_prometheus_io_scrape": "true",
                    "__meta_kubernetes_pod_annotation_prometheus_io_port": "15020"])
        }
        for shard in 0..<3 {
            let expanded = try EnvExpansion.expand(text, environment: ["SHARD": "\(shard)"], source: "sharded")
            let config = try MeshScopeConfig.parse(yaml: expanded, source: "sharded")
            #expect(config.global.externalLabels["shard"] == "\(shard)")
            // Every shard sends to the same long-term store and span endpoint.
            #expect(config.remoteWrite.map(\.endpoint.name) == ["mimir"])
            #expect(config.spanForwarding.map(\.endpoint.name) == ["zipkin"])
            let job = try #require(config.scrapeConfigs.first { $0.jobName == "kubernetes-pods" })
            shards[shard] = job.targets(discovered: discovered).map(\.target)
        }
        let all = shards.values.flatMap { $0 }
        #expect(all.count == 40 && Set(all).count == 40, "each target in exactly one shard: \(shards)")
        #expect(shards.values.allSatisfy { !$0.isEmpty })
        #expect(throws: ConfigError.self) { try EnvExpansion.expand(text, environment: [:], source: "sharded") }
    }
}
