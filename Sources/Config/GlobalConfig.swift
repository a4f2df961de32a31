import MeshMetrics
import Yams

/// The `global` section: defaults for every scrape job, and labels added to
/// everything this instance exposes to the outside.
public struct GlobalConfig: Sendable, Hashable {
    public static let defaultScrapeInterval = PromDuration.seconds(15)
    public static let defaultScrapeTimeout = PromDuration.seconds(10)

    /// How often targets are scraped unless a job says otherwise.
    public var scrapeInterval: PromDuration
    /// How long a scrape may take unless a job says otherwise; never above `scrapeInterval`.
    public var scrapeTimeout: PromDuration
    /// Attached when data leaves this instance (federation, remote write, alerts).
    public var externalLabels: Labels

    public init(
        scrapeInterval: PromDuration = GlobalConfig.defaultScrapeInterval,
        scrapeTimeout: PromDuration = GlobalConfig.defaultScrapeTimeout,
        externalLabels: Labels = Labels([])
    ) {
        self.scrapeInterval = scrapeInterval
        self.scrapeTimeout = scrapeTimeout
        self.externalLabels = externalLabels
    }
}

extension GlobalConfig: ConfigSection {
    static let key = "global"

    init() {
        self.init(scrapeInterval: Self.defaultScrapeInterval)
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> GlobalConfig {
        let map = try node.mapping(allowed: ["scrape_interval", "scrape_timeout", "external_labels"])
        var global = GlobalConfig()
        if let value = map["scrape_interval"] {
            global.scrapeInterval = try value.duration()
            if global.scrapeInterval == .zero { throw value.error("must be greater than 0s") }
        }
        global.scrapeTimeout = try resolveTimeout(map["scrape_timeout"], interval: global.scrapeInterval,
                                                  inherited: defaultScrapeTimeout)
        if let value = map["external_labels"] {
            global.externalLabels = try value.labels()
        }
        return global
    }

    /// Prometheus' rule, shared with scrape jobs: an explicit timeout must fit in the
    /// interval; an inherited one is silently clamped to it (a job scraping every
    /// 5s with the default 10s timeout is fine, and times out after 5s).
    static func resolveTimeout(
        _ node: ConfigNode?, interval: PromDuration, inherited: PromDuration
    ) throws(ConfigError) -> PromDuration {
        guard let node else { return min(inherited, interval) }
        let timeout = try node.duration()
        if timeout == .zero { throw node.error("must be greater than 0s") }
        if timeout > interval {
            throw node.error("\"\(timeout)\" is greater than scrape_interval \"\(interval)\"")
        }
        return timeout
    }

    var yamlNode: Node {
        .section([
            ("scrape_interval", .duration(scrapeInterval)),
            ("scrape_timeout", .duration(scrapeTimeout)),
            ("external_labels", .labels(externalLabels)),
        ])
    }
}

extension MeshScopeConfig {
    /// The `global` section.
    public var global: GlobalConfig {
        get { self[section: GlobalConfig.self] }
        set { self[section: GlobalConfig.self] = newValue }
    }
}
