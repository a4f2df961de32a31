import Config
import Foundation
import Testing

/// Each case is a broken file and where the error must point. Lines and columns
/// are 1-based and refer to the YAML literal as written.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let line: Int
    let column: Int
    let path: String
    let reason: String

    var testDescription: String { name }
}

@Suite struct ConfigValidationTests {
    static let cases: [InvalidCase] = [
        InvalidCase(name: "unknown top-level key", yaml: """
            global:
              scrape_interval: 15s
            scrape_config:
              - job_name: a
            """, line: 3, column: 1, path: "scrape_config",
            // A prefix (the check is `hasPrefix`): sections added later extend the list.
            reason: "unknown key \"scrape_config\" (allowed: \"global\", \"scrape_configs\", \"storage\", \"traces\", \"logs\", \"access_logs\", \"limits\", \"query\", \"server\","),
        InvalidCase(name: "unknown key in a job", yaml: """
            scrape_configs:
              - job_name: a
                relabel_config: []
            """, line: 3, column: 5, path: "scrape_configs[0].relabel_config",
            reason: "unknown key \"relabel_config\""),
        InvalidCase(name: "unknown key in static_configs", yaml: """
            scrape_configs:
              - job_name: a
                static_configs:
                  - targets: ["a:1"]
                    label: {x: y}
            """, line: 5, column: 9, path: "scrape_configs[0].static_configs[0].label",
            reason: "unknown key \"label\""),
        InvalidCase(name: "max_chunk_samples is not configurable", yaml: """
            storage:
              max_chunk_samples: 240
            """, line: 2, column: 3, path: "storage.max_chunk_samples",
            reason: "not configurable: chunks hold at most 120 samples"),
        InvalidCase(name: "missing job_name", yaml: """
            scrape_configs:
              - job_name: a
              - scrape_interval: 5s
                static_configs: []
            """, line: 3, column: 5, path: "scrape_configs[1]",
            reason: "missing required key \"job_name\""),
        InvalidCase(name: "empty job_name", yaml: """
            scrape_configs:
              - job_name: ""
            """, line: 2, column: 5, path: "scrape_configs[0].job_name", reason: "must not be empty"),
        InvalidCase(name: "duplicate job_name", yaml: """
            scrape_configs:
              - job_name: node
              - job_name: app
              - job_name: node
            """, line: 4, column: 5, path: "scrape_configs[2].job_name",
            reason: "job name \"node\" is already used by scrape_configs[0] (line 2)"),
        InvalidCase(name: "bad duration", yaml: """
            global:
              scrape_interval: 15x
            """, line: 2, column: 3, path: "global.scrape_interval",
            reason: "not a valid duration string: \"15x\""),
        InvalidCase(name: "duration overflow", yaml: """
            storage:
              retention: 300000000y
            """, line: 2, column: 3, path: "storage.retention",
            reason: "duration out of range: \"300000000y\""),
        InvalidCase(name: "zero interval", yaml: """
            scrape_configs:
              - job_name: a
                scrape_interval: 0s
            """, line: 3, column: 5, path: "scrape_configs[0].scrape_interval", reason: "must be greater than 0s"),
        InvalidCase(name: "job timeout above its interval", yaml: """
            global:
              scrape_interval: 1m
            scrape_configs:
              - job_name: a
              - job_name: b
                scrape_interval: 15s
                scrape_timeout: 20s
            """, line: 7, column: 5, path: "scrape_configs[1].scrape_timeout",
            reason: "\"20s\" is greater than scrape_interval \"15s\""),
        InvalidCase(name: "job timeout above the inherited interval", yaml: """
            scrape_configs:
              - job_name: a
                scrape_timeout: 16s
            """, line: 3, column: 5, path: "scrape_configs[0].scrape_timeout",
            reason: "\"16s\" is greater than scrape_interval \"15s\""),
        InvalidCase(name: "global timeout above global interval", yaml: """
            global:
              scrape_timeout: 1m
            """, line: 2, column: 3, path: "global.scrape_timeout",
            reason: "\"1m\" is greater than scrape_interval \"15s\""),
        InvalidCase(name: "target without port", yaml: """
            scrape_configs:
              - job_name: a
                static_configs:
                  - targets:
                      - localhost:9100
                      - localhost
            """, line: 6, column: 13, path: "scrape_configs[0].static_configs[0].targets[1]",
            reason: "\"localhost\" is not a valid target: expected host:port, with an IPv6 address in brackets ([::1]:9100)"),
        InvalidCase(name: "bare IPv6 target", yaml: """
            scrape_configs:
              - job_name: a
                static_configs: [{targets: ["::1:9100"]}]
            """, line: 3, column: 33, path: "scrape_configs[0].static_configs[0].targets[0]",
            reason: "\"::1:9100\" is not a valid target"),
        InvalidCase(name: "target with a URL", yaml: """
            scrape_configs:
              - job_name: a
                static_configs:
                  - targets: ["http://a:80"]
            """, line: 4, column: 19, path: "scrape_configs[0].static_configs[0].targets[0]",
            reason: "\"http://a:80\" is not a valid target"),
        InvalidCase(name: "bad label name in static labels", yaml: """
            scrape_configs:
              - job_name: a
                static_configs:
                  - targets: ["a:1"]
                    labels:
                      ok: yes
                      bad-name: x
            """, line: 7, column: 11, path: "scrape_configs[0].static_configs[0].labels.bad-name",
            reason: "\"bad-name\" is not a valid label name (must match [a-zA-Z_][a-zA-Z0-9_]*)"),
        InvalidCase(name: "label name starting with a digit", yaml: """
            global:
              external_labels: {1dc: x}
            """, line: 2, column: 21, path: "global.external_labels.1dc",
            reason: "\"1dc\" is not a valid label name"),
        InvalidCase(name: "reserved label name", yaml: """
            global:
              external_labels:
                __name__: x
            """, line: 3, column: 5, path: "global.external_labels.__name__",
            reason: "label name \"__name__\" is reserved"),
        InvalidCase(name: "list where a map belongs", yaml: """
            global:
              external_labels:
                - cluster: a
            """, line: 2, column: 3, path: "global.external_labels",
            reason: "expected a mapping, got a list"),
        InvalidCase(name: "map where a list belongs", yaml: """
            scrape_configs:
              job_name: a
            """, line: 1, column: 1, path: "scrape_configs", reason: "expected a list, got a mapping"),
        InvalidCase(name: "scalar where a map belongs", yaml: """
            storage: 15d
            """, line: 1, column: 1, path: "storage", reason: "expected a mapping, got a string"),
        InvalidCase(name: "top level is a list", yaml: """
            - global
            """, line: 1, column: 1, path: "", reason: "expected a mapping, got a list"),
        InvalidCase(name: "string where a boolean belongs", yaml: """
            scrape_configs:
              - job_name: a
                honor_labels: "true"
            """, line: 3, column: 5, path: "scrape_configs[0].honor_labels",
            reason: "expected true or false, got \"true\""),
        InvalidCase(name: "string where an integer belongs", yaml: """
            limits:
              max_body_bytes: 16MiB
            """, line: 2, column: 3, path: "limits.max_body_bytes",
            reason: "expected an integer, got \"16MiB\""),
        InvalidCase(name: "negative integer", yaml: """
            scrape_configs:
              - job_name: a
                sample_limit: -1
            """, line: 3, column: 5, path: "scrape_configs[0].sample_limit", reason: "must not be negative, got -1"),
        InvalidCase(name: "zero body limit", yaml: """
            limits: {max_body_bytes: 0}
            """, line: 1, column: 10, path: "limits.max_body_bytes", reason: "must be greater than 0"),
        InvalidCase(name: "param value not a list", yaml: """
            scrape_configs:
              - job_name: a
                params:
                  module: if_mib
            """, line: 4, column: 7, path: "scrape_configs[0].params.module",
            reason: "expected a list, got a string"),
        InvalidCase(name: "bad durability", yaml: """
            storage:
              retention: 30d
              durability: paranoid
            """, line: 3, column: 3, path: "storage.durability",
            reason: "\"paranoid\" is not one of \"normal\", \"full\""),
        InvalidCase(name: "bad scheme", yaml: """
            scrape_configs:
              - job_name: a
                scheme: ftp
            """, line: 3, column: 5, path: "scrape_configs[0].scheme",
            reason: "\"ftp\" is not one of \"http\", \"https\""),
        InvalidCase(name: "relative metrics_path", yaml: """
            scrape_configs:
              - job_name: a
                metrics_path: metrics
            """, line: 3, column: 5, path: "scrape_configs[0].metrics_path",
            reason: "\"metrics\" must start with \"/\""),
        InvalidCase(name: "zero query timeout", yaml: """
            query:
              timeout: 0s
            """, line: 2, column: 3, path: "query.timeout", reason: "must be greater than 0s"),
        InvalidCase(name: "zero max_samples", yaml: """
            query:
              max_samples: 0
            """, line: 2, column: 3, path: "query.max_samples", reason: "must be greater than 0"),
        InvalidCase(name: "unknown key in query", yaml: """
            query:
              max_threads: 20
            """, line: 2, column: 3, path: "query.max_threads", reason: "unknown key \"max_threads\""),
        InvalidCase(name: "bad listen address", yaml: """
            server:
              data_dir: /tmp
              listen: localhost
            """, line: 3, column: 3, path: "server.listen",
            reason: "\"localhost\" is not a valid listen address"),
        InvalidCase(name: "yaml syntax error: bad indentation", yaml: """
            global:
              scrape_interval: 15s
             scrape_timeout: 10s
            """, line: 3, column: 2, path: "", reason: "yaml: "),
        InvalidCase(name: "yaml syntax error: unterminated quote", yaml: """
            scrape_configs:
              - job_name: a
                static_configs:
                  - targets: ["a:1]
            """, line: 4, column: 24, path: "", reason: "yaml: found unexpected end of stream"),
        InvalidCase(name: "yaml duplicate key", yaml: """
            global:
              scrape_interval: 15s
            storage: {}
            global: {}
            """, line: 1, column: 1, path: "", reason: "yaml: duplicate key \"global\""),
    ]

    @Test(arguments: cases)
    func errorPointsAtTheOffendingNode(_ invalid: InvalidCase) {
        let error = Self.parseError(invalid.yaml)
        #expect(error?.file == "meshscope.yaml")
        #expect(error?.line == invalid.line, "\(String(describing: error))")
        #expect(error?.column == invalid.column, "\(String(describing: error))")
        #expect(error?.path == invalid.path, "\(String(describing: error))")
        #expect(error?.reason.hasPrefix(invalid.reason) == true, "\(String(describing: error))")
    }

    @Test func descriptionReadsLikeACompilerDiagnostic() {
        let error = Self.parseError("""
            scrape_configs:
              - job_name: a
              - job_name: b
                scrape_interval: 15s
                scrape_timeout: 20s
            """)
        #expect(error?.description
            == "meshscope.yaml:5:5: scrape_configs[1].scrape_timeout: \"20s\" is greater than scrape_interval \"15s\"")
    }

    @Test func missingFileIsAnErrorWithoutLine() {
        let path = "/nonexistent-\(UInt64.random(in: 0...UInt64.max))/meshscope.yaml"
        #expect {
            try MeshScopeConfig.load(path: path)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.file == path && error.line == 0
                && error.description == "\(path): cannot read configuration file: No such file or directory"
        }
    }

    @Test func loadReportsThePathItWasGiven() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("meshscope-config-test-\(UInt64.random(in: 0...UInt64.max)).yaml").path
        try "storage:\n  durability: half\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try MeshScopeConfig.load(path: path)
        } throws: { error in
            (error as? ConfigError)?.description
                == "\(path):2:3: storage.durability: \"half\" is not one of \"normal\", \"full\""
        }
    }

    static func parseError(_ yaml: String) -> ConfigError? {
        do {
            _ = try MeshScopeConfig.parse(yaml: yaml, source: "meshscope.yaml")
            return nil
        } catch {
            return error
        }
    }
}
