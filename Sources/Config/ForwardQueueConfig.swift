import Yams

/// `queue_config` of a `remote_write` or `span_forwarding` entry: how data is batched,
/// retried and bounded on disk while the receiver is away.
public struct ForwardQueueConfig: Sendable, Hashable {
    /// Samples (remote write) or spans (span forwarding) per request at most.
    public var maxPerSend: Int
    /// Pending data is sent after waiting this long even if a request is not full.
    public var batchSendDeadline: PromDuration
    /// First retry delay; doubles on each consecutive failure.
    public var minBackoff: PromDuration
    public var maxBackoff: PromDuration
    /// Retry HTTP 429 (with its `Retry-After`) instead of dropping the batch.
    public var retryOnHTTP429: Bool
    /// The on-disk queue's size; when a receiver outage fills it, the oldest data goes.
    public var maxQueueBytes: Int

    public static let defaultMaxQueueBytes = 256 << 20

    init(maxPerSend: Int, batchSendDeadline: PromDuration) {
        self.maxPerSend = maxPerSend
        self.batchSendDeadline = batchSendDeadline
        minBackoff = .milliseconds(30)
        maxBackoff = .seconds(5)
        retryOnHTTP429 = true
        maxQueueBytes = Self.defaultMaxQueueBytes
    }

    /// `perSendKey` is `max_samples_per_send` or `max_spans_per_send`. Prometheus'
    /// `capacity`, `min_shards` and `max_shards` are accepted so its files load: MeshScope
    /// sends from one shard, in order, and buffers on disk instead of in memory.
    static func decode(_ node: ConfigNode, perSendKey: String, defaults: ForwardQueueConfig)
        throws(ConfigError) -> ForwardQueueConfig {
        let map = try node.mapping(allowed: [
            perSendKey, "batch_send_deadline", "min_backoff", "max_backoff", "retry_on_http_429", "max_queue_bytes",
            "capacity", "min_shards", "max_shards",
        ])
        var queue = defaults
        if let value = map[perSendKey] {
            queue.maxPerSend = try value.count()
            if queue.maxPerSend == 0 { throw value.error("must be greater than 0") }
        }
        if let value = map["batch_send_deadline"] { queue.batchSendDeadline = try value.duration() }
        if let value = map["min_backoff"] {
            queue.minBackoff = try value.duration()
            if queue.minBackoff == .zero { throw value.error("must be greater than 0s") }
        }
        if let value = map["max_backoff"] { queue.maxBackoff = try value.duration() }
        if queue.maxBackoff < queue.minBackoff {
            throw (map["max_backoff"] ?? node).error("max_backoff (\(queue.maxBackoff)) is below min_backoff (\(queue.minBackoff))")
        }
        if let value = map["retry_on_http_429"] { queue.retryOnHTTP429 = try value.bool() }
        if let value = map["max_queue_bytes"] {
            queue.maxQueueBytes = try value.count()
            if queue.maxQueueBytes < 1 << 16 { throw value.error("must be at least 65536 bytes") }
        }
        for key in ["capacity", "min_shards", "max_shards"] { if let value = map[key] { _ = try value.count() } }
        return queue
    }

    func yamlNode(perSendKey: String) -> Node {
        .section([
            (perSendKey, .number(maxPerSend)),
            ("batch_send_deadline", .duration(batchSendDeadline)),
            ("min_backoff", .duration(minBackoff)),
            ("max_backoff", .duration(maxBackoff)),
            ("retry_on_http_429", .flag(retryOnHTTP429)),
            ("max_queue_bytes", .number(maxQueueBytes)),
        ])
    }
}
