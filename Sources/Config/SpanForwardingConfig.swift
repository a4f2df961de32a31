import Yams

/// One `span_forwarding` entry: every span the collector stores is also POSTed to a
/// Zipkin-compatible `url` (Zipkin's `/api/v2/spans` on Cassandra or Elasticsearch,
/// Jaeger's or the OpenTelemetry Collector's zipkin receiver, another MeshScope).
public struct SpanForwardingConfig: Sendable, Hashable, ForwardingEntry {
    static let sectionKey = "span_forwarding"

    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        case json, proto3
    }

    public var endpoint: ForwardEndpoint
    /// Zipkin v2 JSON (every receiver takes it) or proto3 `ListOfSpans`.
    public var encoding: Encoding = .json
    public var queue = ForwardQueueConfig(maxPerSend: 1000, batchSendDeadline: .seconds(1))

    static func decode(_ node: ConfigNode) throws(ConfigError) -> SpanForwardingConfig {
        let map = try node.mapping(allowed: ForwardEndpoint.keys + ["encoding", "queue_config"])
        var config = SpanForwardingConfig(endpoint: try ForwardEndpoint.decode(map))
        if let value = map["encoding"] { config.encoding = try value.choice(of: Encoding.self) }
        if let value = map["queue_config"] {
            config.queue = try ForwardQueueConfig.decode(value, perSendKey: "max_spans_per_send", defaults: config.queue)
        }
        return config
    }

    var yamlNode: Node {
        var pairs = endpoint.yamlPairs
        pairs.append(("encoding", .text(encoding.rawValue)))
        pairs.append(("queue_config", queue.yamlNode(perSendKey: "max_spans_per_send")))
        return .section(pairs)
    }
}

extension MeshScopeConfig {
    /// Span-forwarding destinations, in file order. Read at start; a change needs a restart.
    public var spanForwarding: [SpanForwardingConfig] {
        get { self[section: ForwardingSection<SpanForwardingConfig>.self].entries }
        set { self[section: ForwardingSection<SpanForwardingConfig>.self].entries = newValue }
    }
}
