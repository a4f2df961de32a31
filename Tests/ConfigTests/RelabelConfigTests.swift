import Config
import MeshMetrics
import Testing

/// `relabel_configs` / `metric_relabel_configs`: parsing, defaults, errors located at
/// file:line, and target relabelling (`ScrapeConfig.relabelledTargets`).
@Suite struct RelabelConfigTests {
    private static func parse(_ yaml: String) throws -> ScrapeConfig {
        let config = try MeshScopeConfig.parse(yaml: yaml, source: "meshscope.yaml")
        return try #require(config.scrapeConfigs.first)
    }

    private static func error(_ yaml: String) -> ConfigError? {
        do { _ = try MeshScopeConfig.parse(yaml: yaml, source: "meshscope.yaml"); return nil } catch { return error }
    }

    @Test func parsesEveryFieldWithPrometheusDefaults() throws {
        let job = try Self.parse("""
            scrape_configs:
              - job_name: node
                relabel_configs:
                  - source_labels: [__address__]
                    target_label: host
                  - source_labels: [a, b]
                    separator: ""
                    regex: "x(.*)"
                    modulus: 4
                    target_label: shard
                    action: hashmod
                metric_relabel_configs:
                  - source_labels: [__name__]
                    regex: go_.*
                    action: drop
            """)
        #expect(job.relabelConfigs.count == 2)
        let first = job.relabelConfigs[0]
        #expect(first.sourceLabels == ["__address__"])
        #expect(first.separator == ";" && first.regex.source == "(.*)" && first.replacement == "$1" && first.action == .replace)
        let second = job.relabelConfigs[1]
        #expect(second.separator == "" && second.regex.source == "x(.*)" && second.modulus == 4 && second.action == .hashmod)
        #expect(job.metricRelabelConfigs.map(\.action) == [.drop])
    }

    /// (case, rule body written at line 4 onwards, expected line, path, reason prefix).
    static let invalid: [(String, String, Int, String, String)] = [
        ("unknown action", "- target_label: x\n      action: rename", 5, "relabel_configs[0].action",
         "\"rename\" is not one of \"replace\""),
        ("hashmod without modulus", "- source_labels: [a]\n      target_label: x\n      action: hashmod", 6,
         "relabel_configs[0].action", "relabel configuration for hashmod requires non-zero modulus"),
        ("replace without target_label", "- source_labels: [a]", 4,
         "relabel_configs[0]", "relabel configuration for replace action requires 'target_label' value"),
        ("bad regex", "- target_label: x\n      regex: \"a(\"", 5,
         "relabel_configs[0].regex", "invalid regular expression \"a(\""),
        ("bad source label", "- target_label: x\n      source_labels: [a-b]", 5,
         "relabel_configs[0].source_labels[0]", "\"a-b\" is not a valid label name"),
        ("invalid target_label", "- target_label: 1x", 4,
         "relabel_configs[0].target_label", "\"1x\" is invalid 'target_label' for replace action"),
        ("labeldrop with target_label", "- action: labeldrop\n      target_label: x", 4,
         "relabel_configs[0].action", "labeldrop action requires only 'regex', and no other fields"),
        ("unknown key", "- target: x", 4, "relabel_configs[0].target", "unknown key \"target\""),
    ]

    @Test func errorsPointAtTheLine() {
        for (name, body, line, path, reason) in Self.invalid {
            let error = Self.error("scrape_configs:\n  - job_name: a\n    relabel_configs:\n    " + body + "\n")
            #expect(error?.file == "meshscope.yaml", "\(name)")
            #expect(error?.line == line, "\(name): \(String(describing: error))")
            #expect(error?.path == "scrape_configs[0]." + path, "\(name): \(String(describing: error))")
            #expect(error?.reason.hasPrefix(reason) == true, "\(name): \(String(describing: error))")
        }
    }

    @Test func metricRelabelErrorsAreLocatedToo() {
        let error = Self.error("""
            scrape_configs:
              - job_name: a
                metric_relabel_configs:
                  - action: labeldrop
                    regex: "("
            """)
        #expect(error?.line == 5)
        #expect(error?.path == "scrape_configs[0].metric_relabel_configs[0].regex")
    }

    @Test func targetRelabellingFollowsPopulateLabels() throws {
        let job = try Self.parse("""
            scrape_configs:
              - job_name: blackbox
                metrics_path: /probe
                params: {module: [http_2xx]}
                static_configs:
                  - targets: ["example.com:443", "drop.me:80"]
                    labels: {team: web}
                relabel_configs:
                  - source_labels: [__address__]
                    regex: "drop\\\\..*"
                    action: drop
                  - source_labels: [__address__]
                    target_label: __param_target
                  - source_labels: [__param_target]
                    target_label: instance
                  - target_label: __address__
                    replacement: "127.0.0.1:9115"
                  - source_labels: [job, team]
                    separator: "-"
                    target_label: owner
            """)
        let targets = job.relabelledTargets
        #expect(targets.count == 1)
        let target = try #require(targets.first)
        #expect(target.address == "127.0.0.1:9115")
        #expect(target.metricsPath == "/probe")
        #expect(target.params == ["module": ["http_2xx"], "target": ["example.com:443"]])
        #expect(target.labels == Labels(["job": "blackbox", "instance": "example.com:443", "team": "web",
                                         "owner": "blackbox-web"]))
        // What MeshScopeCLI reads: the address and labels, `__param_target` carried for ScrapeTarget.
        let entry = try #require(job.targets.first)
        #expect(entry.target == "127.0.0.1:9115")
        #expect(entry.labels["__param_target"] == "example.com:443")
        #expect(entry.labels["team"] == "web")
    }

    @Test func instanceDefaultsToFinalAddressAndHashmodShards() throws {
        // md5-based shards (Python: struct.unpack('>Q', md5(a).digest()[8:])[0] % 3):
        // 10.0.0.1:9100 → 2, 10.0.0.2:9100 → 0, 10.0.0.3:9100 → 2.
        let job = try Self.parse("""
            scrape_configs:
              - job_name: node
                static_configs:
                  - targets: ["10.0.0.1:9100", "10.0.0.2:9100", "10.0.0.3:9100"]
                relabel_configs:
                  - source_labels: [__address__]
                    modulus: 3
                    target_label: __tmp_shard
                    action: hashmod
                  - source_labels: [__tmp_shard]
                    regex: "2"
                    action: keep
            """)
        let targets = job.relabelledTargets
        #expect(targets.map(\.address) == ["10.0.0.1:9100", "10.0.0.3:9100"])
        #expect(targets.map { $0.labels["instance"] } == ["10.0.0.1:9100", "10.0.0.3:9100"])
        // `__tmp_shard` is gone with the other `__` labels.
        #expect(targets.allSatisfy { $0.labels.count == 2 })
    }

    @Test func candidatesKeepWhatRelabellingSawAndWhatItDropped() throws {
        let job = try Self.parse("""
            scrape_configs:
              - job_name: node
                scrape_interval: 30s
                params: {format: [text]}
                keep_dropped_targets: 5
                static_configs:
                  - targets: ["10.0.0.1:9100", "10.0.0.2:9100"]
                    labels: {zone: a}
                relabel_configs:
                  - {source_labels: [__address__], regex: "10.0.0.2:.*", action: drop}
            """)
        #expect(job.keepDroppedTargets == 5)
        let candidates = job.candidates(discovered: [Labels(["__address__": "10.0.0.3:80", "__meta_x": "y"])])
        #expect(candidates.map { $0.entry?.target } == ["10.0.0.1:9100", nil, "10.0.0.3:80"])
        #expect(candidates[0].candidate.discoveredLabels == Labels([
            "__address__": "10.0.0.1:9100", "zone": "a", "job": "node", "__scheme__": "http", "__metrics_path__": "/metrics",
            "__scrape_interval__": "30s", "__scrape_timeout__": "10s", "__param_format": "text",
        ]))
        #expect(candidates[1].candidate.resolved == nil && candidates[1].candidate.discoveredLabels["__address__"] == "10.0.0.2:9100")
        #expect(candidates[2].candidate.discoveredLabels["__meta_x"] == "y")
        #expect(candidates[2].candidate.resolved?.labels == Labels(["job": "node", "instance": "10.0.0.3:80"]))
        // The same outcomes as the target lists built before.
        #expect(candidates.compactMap { $0.entry?.target } == job.targets.map(\.target) + ["10.0.0.3:80"])
    }

    @Test func renderedRulesParseBackEqual() throws {
        let config = try MeshScopeConfig.parse(yaml: """
            scrape_configs:
              - job_name: a
                keep_dropped_targets: 3
                relabel_configs:
                  - {source_labels: [a, b], separator: "", modulus: 8, target_label: s, action: hashmod}
                  - {regex: "x-(.*)", replacement: "$$1 ${1}", target_label: y}
                metric_relabel_configs:
                  - {regex: "tmp_.*", action: labeldrop}
            """, source: "m.yaml")
        let yaml = config.yamlDescription
        let parsed = try MeshScopeConfig.parse(yaml: yaml, source: "rendered.yaml")
        #expect(yaml.contains("keep_dropped_targets: 3"), "\(yaml)")
        #expect(parsed == config, "\(yaml)")
    }

    @Test func withoutRulesTargetsAreUnchanged() throws {
        let job = try Self.parse("""
            scrape_configs:
              - job_name: node
                static_configs:
                  - targets: ["a:1"]
                    labels: {dc: x}
            """)
        #expect(job.targets.map(\.target) == ["a:1"])
        #expect(job.targets.map(\.labels) == [Labels(["dc": "x"])])
    }
}
