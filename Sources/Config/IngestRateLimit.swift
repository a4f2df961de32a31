import Yams

/// `limits.ingest_rate_limit`: a token bucket per client IP on the ingest routes.
/// `requests_per_second: 0` (the default) turns it off.
public struct IngestRateLimit: Sendable, Hashable {
    /// Sustained requests per second per client IP (an integer, as every other limit).
    public var requestsPerSecond: Int
    /// Requests a quiet client may send at once; 0 means `requests_per_second`.
    public var burst: Int

    public init(requestsPerSecond: Int = 0, burst: Int = 0) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }

    public var isEnabled: Bool { requestsPerSecond > 0 }
    /// The bucket's capacity.
    public var effectiveBurst: Int { burst > 0 ? burst : requestsPerSecond }

    static func decode(_ node: ConfigNode) throws(ConfigError) -> IngestRateLimit {
        let map = try node.mapping(allowed: ["requests_per_second", "burst"])
        var limit = IngestRateLimit()
        if let value = map["requests_per_second"] { limit.requestsPerSecond = try value.count() }
        if let value = map["burst"] { limit.burst = try value.count() }
        return limit
    }

    var yamlNode: Node {
        .section([
            ("requests_per_second", .number(requestsPerSecond)),
            ("burst", .number(burst)),
        ])
    }
}
