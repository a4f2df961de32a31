import Yams

/// The `limits` section: bounds on what clients and targets can make this server
/// hold in memory or store. 0 means "no limit" where noted.
public struct LimitsConfig: Sendable, Hashable {
    public static let defaultMaxBodyBytes = 16 << 20
    public static let defaultMaxScrapeBytes = 64 << 20

    /// Largest accepted body of any ingest request (after decompression). Never 0:
    /// an unbounded body is a memory exhaustion waiting for a client.
    public var maxBodyBytes: Int
    /// Largest accepted scrape response (after decompression). Never 0, likewise.
    public var maxScrapeBytes: Int
    /// Longest label name accepted; 0 means no limit.
    public var maxLabelNameLength: Int
    /// Longest label value accepted; 0 means no limit.
    public var maxLabelValueLength: Int
    /// A scrape exposing more distinct series than this fails; 0 means no limit.
    public var maxSeriesPerScrape: Int
    /// A scrape that would create a series for a metric name already holding this many
    /// series in storage fails as a whole (as Prometheus' `sample_limit`); 0 means no limit.
    public var maxSeriesPerMetric: Int = 0
    /// Token bucket per client IP on the ingest routes; off by default.
    public var ingestRateLimit = IngestRateLimit()

    public init(
        maxBodyBytes: Int = LimitsConfig.defaultMaxBodyBytes,
        maxScrapeBytes: Int = LimitsConfig.defaultMaxScrapeBytes,
        maxLabelNameLength: Int = 0,
        maxLabelValueLength: Int = 0,
        maxSeriesPerScrape: Int = 0
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxScrapeBytes = maxScrapeBytes
        self.maxLabelNameLength = maxLabelNameLength
        self.maxLabelValueLength = maxLabelValueLength
        self.maxSeriesPerScrape = maxSeriesPerScrape
    }
}

extension LimitsConfig: ConfigSection {
    static let key = "limits"

    init() {
        self.init(maxBodyBytes: Self.defaultMaxBodyBytes)
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> LimitsConfig {
        let map = try node.mapping(allowed: [
            "max_body_bytes", "max_scrape_bytes", "max_label_name_length",
            "max_label_value_length", "max_series_per_scrape", "max_series_per_metric", "ingest_rate_limit",
        ])
        var limits = LimitsConfig()
        if let value = map["max_body_bytes"] {
            limits.maxBodyBytes = try value.count()
            if limits.maxBodyBytes == 0 { throw value.error("must be greater than 0") }
        }
        if let value = map["max_scrape_bytes"] {
            limits.maxScrapeBytes = try value.count()
            if limits.maxScrapeBytes == 0 { throw value.error("must be greater than 0") }
        }
        if let value = map["max_label_name_length"] { limits.maxLabelNameLength = try value.count() }
        if let value = map["max_label_value_length"] { limits.maxLabelValueLength = try value.count() }
        if let value = map["max_series_per_scrape"] { limits.maxSeriesPerScrape = try value.count() }
        if let value = map["max_series_per_metric"] { limits.maxSeriesPerMetric = try value.count() }
        if let value = map["ingest_rate_limit"] { limits.ingestRateLimit = try IngestRateLimit.decode(value) }
        return limits
    }

    var yamlNode: Node {
        .section([
            ("max_body_bytes", .number(maxBodyBytes)),
            ("max_scrape_bytes", .number(maxScrapeBytes)),
            ("max_label_name_length", .number(maxLabelNameLength)),
            ("max_label_value_length", .number(maxLabelValueLength)),
            ("max_series_per_scrape", .number(maxSeriesPerScrape)),
            ("max_series_per_metric", .number(maxSeriesPerMetric)),
            ("ingest_rate_limit", ingestRateLimit.yamlNode),
        ])
    }
}

extension MeshScopeConfig {
    /// The `limits` section.
    public var limits: LimitsConfig {
        get { self[section: LimitsConfig.self] }
        set { self[section: LimitsConfig.self] = newValue }
    }
}
