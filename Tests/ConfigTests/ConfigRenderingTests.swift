import Config
import MeshMetrics
import Testing

@Suite struct ConfigRenderingTests {
    @Test func defaultsRenderEveryKey() throws {
        let yaml = MeshScopeConfig().yamlDescription
        for key in [
            "global:", "scrape_interval: 15s", "scrape_timeout: 10s", "external_labels: {}",
            "scrape_configs: []", "storage:", "retention: 15d", "durability: normal",
            "traces:", "retention: 1w", "autocomplete_keys: []", "strict_trace_id: true",
            "logs:", "access_logs: []",
            "limits:", "max_body_bytes: 16777216", "max_scrape_bytes: 67108864",
            "max_label_name_length: 0", "max_label_value_length: 0", "max_series_per_scrape: 0",
            "query:", "timeout: 2m", "max_samples: 50000000", "lookback_delta: 5m",
            "slow_query_threshold: 1s", "slow_query_log_size: 100",
            "server:", "listen: 127.0.0.1:9098", "data_dir: ./data",
        ] {
            #expect(yaml.contains(key), "missing \(key) in\n\(yaml)")
        }
        // Sections come in documented order, not alphabetically.
        let order = ["global:", "scrape_configs:", "storage:", "traces:", "logs:", "access_logs:", "limits:", "query:", "server:"]
            .compactMap { yaml.range(of: $0)?.lowerBound }
        #expect(order.count == 9 && order == order.sorted())
    }

    @Test func renderedConfigParsesBackEqual() throws {
        var config = MeshScopeConfig()
        config.global.externalLabels = Labels(["cluster": "eu-1", "tricky": "true", "num": "123", "word": "null"])
        config.scrapeConfigs = [
            ScrapeConfig(jobName: "no", scrapeInterval: .minutes(1), scrapeTimeout: .seconds(30),
                         metricsPath: "/x y", scheme: .https, honorLabels: true,
                         params: ["module": ["a", "b: c"]], sampleLimit: 10,
                         staticConfigs: [StaticConfig(targets: ["[::1]:80", "a:1"],
                                                      labels: Labels(["env": "it's \"quoted\""]))]),
            ScrapeConfig(jobName: "second"),
        ]
        config.storage = StorageConfig(retention: .days(5000), durability: .full)
        config.traces = TracesConfig(retention: .days(30), autocompleteKeys: ["http.method", "true", "a b"],
                                     strictTraceId: false)
        config.logs = LogsConfig(retention: .hours(36))
        config.accessLogs = [AccessLogFile(path: "/var/log/a b.log", service: "reviews"), AccessLogFile(path: "true")]
        config.limits.maxSeriesPerScrape = 42
        config.query = QueryConfig(timeout: .seconds(30), maxSamples: 1000, lookbackDelta: .minutes(1),
                                   slowQueryThreshold: .zero, slowQueryLogSize: 0)
        config.server = ServerConfig(listen: ":0", dataDir: "/tmp/dir with spaces")

        let yaml = config.yamlDescription
        let parsed = try MeshScopeConfig.parse(yaml: yaml, source: "rendered.yaml")
        #expect(parsed == config, "\(yaml)")
        #expect(parsed.yamlDescription == yaml)
    }

    @Test func overridesReplaceFileValues() throws {
        let file = try MeshScopeConfig.parse(yaml: """
            storage: {retention: 30d}
            server: {listen: "0.0.0.0:1", data_dir: /a}
            """, source: "m.yaml")
        let unchanged = try file.overriding()
        #expect(unchanged == file)

        let overridden = try file.overriding(listen: "127.0.0.1:2", dataDir: "/b", retention: .days(1))
        #expect(overridden.server == ServerConfig(listen: "127.0.0.1:2", dataDir: "/b"))
        #expect(overridden.storage.retention == .days(1))
        #expect(try file.overriding(retention: "1y").storage.retention == .days(365))
        #expect(try file.overriding(dataDir: "/c").server.listen == "0.0.0.0:1")
    }

    @Test func overridesAreValidated() {
        let config = MeshScopeConfig()
        #expect {
            try config.overriding(listen: "nonsense")
        } throws: { error in
            let error = error as? ConfigError
            return error?.description
                == "command line: server.listen: \"nonsense\" is not a valid listen address: expected host:port, such as 127.0.0.1:9098 or :9098"
        }
        #expect(throws: ConfigError.self) { try config.overriding(retention: "15x") }
        #expect(throws: ConfigError.self) { try config.overriding(retention: .zero) }
        #expect(throws: ConfigError.self) { try config.overriding(dataDir: "") }
    }
}
