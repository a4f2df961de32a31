import Config
import Foundation
import Testing

/// `--config.expand-env`: `${VAR}`, `${VAR:-default}`, `$$`, errors at the line.
@Suite struct EnvExpansionTests {
    static let environment = ["SHARD": "2", "EMPTY": "", "HOST": "db:5432"]

    @Test func expandsVariablesAndDefaults() throws {
        let text = "a: ${SHARD}\nb: ${MISSING:-7}\nc: ${EMPTY:-x}\nd: '${EMPTY}'\ne: ${HOST}/${SHARD}\n"
        #expect(try EnvExpansion.expand(text, environment: Self.environment, source: "f")
            == "a: 2\nb: 7\nc: x\nd: ''\ne: db:5432/2\n")
    }

    @Test func leavesRelabelReferencesAndEscapesAlone() throws {
        let text = "replacement: $1:$2 ${1} $$${SHARD} $${name} cost $5 $"
        #expect(try EnvExpansion.expand(text, environment: Self.environment, source: "f")
            == "replacement: $1:$2 ${1} $2 ${name} cost $5 $")
    }

    @Test func fullLineCommentsAreLeftAlone() throws {
        let text = "# use ${SHARD} or ${UNSET}\n  # ${UNSET}\na: ${SHARD} # ${SHARD}\n"
        #expect(try EnvExpansion.expand(text, environment: Self.environment, source: "f")
            == "# use ${SHARD} or ${UNSET}\n  # ${UNSET}\na: 2 # 2\n")
    }

    @Test func unsetVariableIsAnErrorAtItsLine() {
        let error = #expect(throws: ConfigError.self) {
            try EnvExpansion.expand("a: 1\nb:  x ${NOPE}\n", environment: [:], source: "m.yaml")
        }
        #expect(error?.line == 2 && error?.column == 7 && error?.file == "m.yaml")
        #expect(error?.reason.hasPrefix("environment variable \"NOPE\" is not set") == true, "\(String(describing: error))")
        #expect(throws: ConfigError.self) { try EnvExpansion.expand("a: ${OPEN\n", environment: [:], source: "m") }
    }

    @Test func loadExpandsOnlyWhenAsked() throws {
        let path = NSTemporaryDirectory() + "expand-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let yaml = """
            scrape_configs:
              - job_name: shard-${SHARD}
                static_configs:
                  - targets: ["${HOST}"]
                relabel_configs:
                  - source_labels: [__address__]
                    modulus: 3
                    target_label: __tmp_hash
                    action: hashmod
                  - source_labels: [__tmp_hash]
                    regex: ${SHARD:-0}
                    action: keep
            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        let config = try MeshScopeConfig.load(path: path, expandEnv: true, environment: Self.environment)
        let job = try #require(config.scrapeConfigs.first)
        #expect(job.jobName == "shard-2" && job.staticConfigs.first?.targets == ["db:5432"])
        #expect(job.relabelConfigs.last?.regex.source == "2")
        // Without the flag `${HOST}` is kept as text, which is not a valid target.
        #expect(throws: ConfigError.self) { try MeshScopeConfig.load(path: path) }
        let unset = #expect(throws: ConfigError.self) {
            try MeshScopeConfig.load(path: path, expandEnv: true, environment: [:])
        }
        #expect(unset?.line == 2, "\(String(describing: unset))")
    }
}
