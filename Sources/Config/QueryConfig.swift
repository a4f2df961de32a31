import Yams

/// The `query` section: limits and diagnostics of the PromQL HTTP API. Read per
/// request, so a reload applies to the next query.
public struct QueryConfig: Sendable, Hashable {
    public static let defaultTimeout = PromDuration.minutes(2)
    public static let defaultMaxSamples = 50_000_000
    public static let defaultLookbackDelta = PromDuration.minutes(5)
    public static let defaultSlowQueryThreshold = PromDuration.seconds(1)
    public static let defaultSlowQueryLogSize = 100
    public static let defaultMaxConcurrency = 20

    /// Longest a query may run; a `timeout` parameter can only shorten it.
    public var timeout: PromDuration
    /// Most samples one query may load into memory (Prometheus' `query.max-samples`).
    public var maxSamples: Int
    /// How far back an instant selector looks for a sample.
    public var lookbackDelta: PromDuration
    /// Queries taking at least this long are kept in the slow-query log; 0 keeps all.
    public var slowQueryThreshold: PromDuration
    /// Entries the slow-query log keeps, oldest dropped first; 0 turns it off.
    public var slowQueryLogSize: Int
    /// Queries evaluated at once (Prometheus' `query.max-concurrency`); the others wait,
    /// and the wait counts against their timeout.
    public var maxConcurrency = QueryConfig.defaultMaxConcurrency

    public init(
        timeout: PromDuration = QueryConfig.defaultTimeout,
        maxSamples: Int = QueryConfig.defaultMaxSamples,
        lookbackDelta: PromDuration = QueryConfig.defaultLookbackDelta,
        slowQueryThreshold: PromDuration = QueryConfig.defaultSlowQueryThreshold,
        slowQueryLogSize: Int = QueryConfig.defaultSlowQueryLogSize
    ) {
        self.timeout = timeout
        self.maxSamples = maxSamples
        self.lookbackDelta = lookbackDelta
        self.slowQueryThreshold = slowQueryThreshold
        self.slowQueryLogSize = slowQueryLogSize
    }
}

extension QueryConfig: ConfigSection {
    static let key = "query"

    init() {
        self.init(timeout: Self.defaultTimeout)
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> QueryConfig {
        let map = try node.mapping(allowed: [
            "timeout", "max_samples", "lookback_delta", "slow_query_threshold", "slow_query_log_size", "max_concurrency",
        ])
        var query = QueryConfig()
        if let value = map["timeout"] {
            query.timeout = try value.duration()
            if query.timeout == .zero { throw value.error("must be greater than 0s") }
        }
        if let value = map["max_samples"] {
            query.maxSamples = try value.count()
            if query.maxSamples == 0 { throw value.error("must be greater than 0") }
        }
        if let value = map["lookback_delta"] {
            query.lookbackDelta = try value.duration()
            if query.lookbackDelta == .zero { throw value.error("must be greater than 0s") }
        }
        if let value = map["slow_query_threshold"] { query.slowQueryThreshold = try value.duration() }
        if let value = map["slow_query_log_size"] { query.slowQueryLogSize = try value.count() }
        if let value = map["max_concurrency"] {
            query.maxConcurrency = try value.count()
            if query.maxConcurrency == 0 { throw value.error("must be greater than 0") }
        }
        return query
    }

    var yamlNode: Node {
        .section([
            ("timeout", .duration(timeout)),
            ("max_samples", .number(maxSamples)),
            ("lookback_delta", .duration(lookbackDelta)),
            ("slow_query_threshold", .duration(slowQueryThreshold)),
            ("slow_query_log_size", .number(slowQueryLogSize)),
            ("max_concurrency", .number(maxConcurrency)),
        ])
    }
}

extension MeshScopeConfig {
    /// The `query` section.
    public var query: QueryConfig {
        get { self[section: QueryConfig.self] }
        set { self[section: QueryConfig.self] = newValue }
    }
}
