import Config
import MeshMetrics
import Testing

@Suite struct ConfigDefaultsTests {
    @Test(arguments: ["", "\n\n", "# only a comment\n", "---\n", "global:\nstorage: ~\n"])
    func emptyDocumentMeansDefaults(yaml: String) throws {
        let config = try MeshScopeConfig.parse(yaml: yaml, source: "meshscope.yaml")
        #expect(config == MeshScopeConfig())
        #expect(config.global.scrapeInterval == .seconds(15))
        #expect(config.global.scrapeTimeout == .seconds(10))
        #expect(config.global.externalLabels.isEmpty)
        #expect(config.scrapeConfigs.isEmpty)
        #expect(config.storage.retention == .days(15))
        #expect(config.storage.durability == .normal)
        #expect(StorageConfig.maxChunkSamples == 120)
        #expect(config.traces == TracesConfig(retention: .days(7), autocompleteKeys: [], strictTraceId: true))
        #expect(config.logs == LogsConfig(retention: .days(7)))
        #expect(config.accessLogs == [])
        #expect(config.limits.maxBodyBytes == 16 * 1024 * 1024)
        #expect(config.limits.maxScrapeBytes == 64 * 1024 * 1024)
        #expect(config.limits.maxLabelNameLength == 0)
        #expect(config.limits.maxLabelValueLength == 0)
        #expect(config.limits.maxSeriesPerScrape == 0)
        #expect(config.query.timeout == .minutes(2))
        #expect(config.query.maxSamples == 50_000_000)
        #expect(config.query.lookbackDelta == .minutes(5))
        #expect(config.query.slowQueryThreshold == .seconds(1))
        #expect(config.query.slowQueryLogSize == 100)
        #expect(config.server.listen == "127.0.0.1:9098")
        #expect(config.server.dataDir == "./data")
    }

    @Test func jobDefaultsComeFromGlobal() throws {
        let config = try MeshScopeConfig.parse(yaml: """
            global:
              scrape_interval: 1m
              scrape_timeout: 20s
            scrape_configs:
              - job_name: inherits
              - job_name: own-interval
                scrape_interval: 30s
              - job_name: short-interval
                scrape_interval: 5s
            """, source: "meshscope.yaml")
        let jobs = config.scrapeConfigs
        #expect(jobs.map(\.jobName) == ["inherits", "own-interval", "short-interval"])
        #expect(jobs[0].scrapeInterval == .minutes(1))
        #expect(jobs[0].scrapeTimeout == .seconds(20))
        #expect(jobs[0].metricsPath == "/metrics")
        #expect(jobs[0].scheme == .http)
        #expect(jobs[0].honorLabels == false)
        #expect(jobs[0].params.isEmpty)
        #expect(jobs[0].sampleLimit == 0)
        #expect(jobs[0].staticConfigs.isEmpty)
        #expect(jobs[1].scrapeInterval == .seconds(30))
        #expect(jobs[1].scrapeTimeout == .seconds(20))
        // An inherited timeout longer than the job's interval is capped, as in Prometheus.
        #expect(jobs[2].scrapeTimeout == .seconds(5))
    }

    @Test func globalDefaultTimeoutIsCappedByAShortGlobalInterval() throws {
        let config = try MeshScopeConfig.parse(yaml: "global:\n  scrape_interval: 5s\n", source: "m.yaml")
        #expect(config.global.scrapeTimeout == .seconds(5))
    }

    @Test func fullFileSetsEveryKey() throws {
        let config = try MeshScopeConfig.parse(yaml: """
            global:
              scrape_interval: 30s
              scrape_timeout: 25s
              external_labels:
                cluster: eu-1
                replica: "2"
            scrape_configs:
              - job_name: snmp
                scrape_interval: 1m
                scrape_timeout: 50s
                metrics_path: /snmp
                scheme: https
                honor_labels: true
                params:
                  module: [if_mib]
                  target: [a, "b c"]
                sample_limit: 5000
                static_configs:
                  - targets: ["switch-1:9116", "[::1]:9116", "10.0.0.7:9116"]
                    labels:
                      rack: r1
                  - targets: [switch-2.example.org:443]
            storage:
              retention: 2y
              durability: full
            traces:
              retention: 3d
              autocomplete_keys: [http.method, env, env]
              strict_trace_id: false
            logs:
              retention: 2d
            access_logs:
              - path: /var/log/istio/reviews.log
                service: reviews
              - path: ./edge.log
            limits:
              max_body_bytes: 1048576
              max_scrape_bytes: 0x2000000
              max_label_name_length: 128
              max_label_value_length: 2048
              max_series_per_scrape: 10_000
            server:
              listen: "[::]:9999"
              data_dir: /var/lib/meshscope
            """, source: "full.yaml")

        #expect(config.global == GlobalConfig(
            scrapeInterval: .seconds(30), scrapeTimeout: .seconds(25),
            externalLabels: Labels(["cluster": "eu-1", "replica": "2"])))
        #expect(config.scrapeConfigs == [ScrapeConfig(
            jobName: "snmp", scrapeInterval: .minutes(1), scrapeTimeout: .seconds(50),
            metricsPath: "/snmp", scheme: .https, honorLabels: true,
            params: ["module": ["if_mib"], "target": ["a", "b c"]], sampleLimit: 5000,
            staticConfigs: [
                StaticConfig(targets: ["switch-1:9116", "[::1]:9116", "10.0.0.7:9116"],
                             labels: Labels(["rack": "r1"])),
                StaticConfig(targets: ["switch-2.example.org:443"]),
            ])])
        #expect(config.storage == StorageConfig(
            retention: .days(730), durability: .full))
        #expect(config.traces == TracesConfig(retention: .days(3), autocompleteKeys: ["http.method", "env"],
                                              strictTraceId: false))
        #expect(config.logs == LogsConfig(retention: .days(2)))
        #expect(config.accessLogs == [AccessLogFile(path: "/var/log/istio/reviews.log", service: "reviews"),
                                      AccessLogFile(path: "./edge.log")])
        #expect(config.limits == LimitsConfig(
            maxBodyBytes: 1 << 20, maxScrapeBytes: 32 << 20, maxLabelNameLength: 128,
            maxLabelValueLength: 2048, maxSeriesPerScrape: 10_000))
        #expect(config.server == ServerConfig(listen: "[::]:9999", dataDir: "/var/lib/meshscope"))
        #expect(config.server.listenAddress == HostPort(host: "::", port: 9999))
        #expect(config != MeshScopeConfig())

        let job = config.scrapeConfigs[0]
        #expect(job.targets.map(\.target) == ["switch-1:9116", "[::1]:9116", "10.0.0.7:9116", "switch-2.example.org:443"])
        #expect(job.scrapeURL(target: "switch-1:9116") == "https://switch-1:9116/snmp?module=if_mib&target=a&target=b+c")
    }

    @Test func scrapeURLWithoutParams() {
        let job = ScrapeConfig(jobName: "x")
        #expect(job.scrapeURL(target: "127.0.0.1:9098") == "http://127.0.0.1:9098/metrics")
        #expect(ScrapeConfig(jobName: "x", params: ["q": ["a&b=c/é"]]).queryString == "q=a%26b%3Dc%2F%C3%A9")
    }

    @Test func scalarsOfAnyKindAreStringsWhereStringsBelong() throws {
        let config = try MeshScopeConfig.parse(yaml: """
            global:
              external_labels: {version: 1.0, enabled: true, id: 007, empty: ~}
            scrape_configs:
              - job_name: 123
            """, source: "m.yaml")
        // Written as they appear, not as YAML would type them; an empty value drops the label.
        #expect(config.global.externalLabels == Labels(["version": "1.0", "enabled": "true", "id": "007"]))
        #expect(config.scrapeConfigs[0].jobName == "123")
    }

    @Test(arguments: [
        ("traces: {retention: 0s}", "must be greater than 0s"),
        ("traces: {strict_trace_id: maybe}", "strict_trace_id"),
        ("traces: {autocomplete_keys: [\"\"]}", "must not be empty"),
        ("traces: {nope: 1}", "nope"),
        ("logs: {retention: 0s}", "must be greater than 0s"),
        ("access_logs: [{service: x}]", "missing required key \"path\""),
        ("access_logs: [{path: \"\"}]", "access_logs[0].path: must not be empty"),
        ("access_logs: [{path: a, service: \"\"}]", "must not be empty"),
        ("access_logs: [{path: a}, {path: a}]", "listed twice"),
        ("access_logs: [{path: a, tail: true}]", "unknown key \"tail\""),
        ("access_logs: {path: a}", "expected a list"),
    ])
    func signalSectionsAreValidated(yaml: String, fragment: String) {
        #expect {
            try MeshScopeConfig.parse(yaml: yaml, source: "m.yaml")
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }
}
