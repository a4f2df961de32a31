import Yams

/// One `span_forwarding` entry: every span the collector stores is also POSTed to a
/// Zipkin-compatible `url` (Zipkin's `/api/v2/spans` on Cassandra or Elasticsearch,
/// Jaeger's or the OpenTelemetry Collector's zipkin receiver, another MeshScope).
public struct SpanForwardingConfig: Sendable, Hashable {
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

/// The `span_forwarding` list; names are unique (each has its own queue file).
struct SpanForwardingSection: ConfigSection {
    static let key = "span_forwarding"
    var entries: [SpanForwardingConfig] = []

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> SpanForwardingSection {
        var section = SpanForwardingSection()
        for element in try node.list() {
            let entry = try SpanForwardingConfig.decode(element)
            if section.entries.contains(where: { $0.endpoint.name == entry.endpoint.name }) {
                throw element.error("span_forwarding name \"\(entry.endpoint.name)\" is used twice (set distinct `name`s)")
            }
            section.entries.append(entry)
        }
        return section
    }

    var yamlNode: Node { .list(entries.map(\.yamlNode)) }
}

extension MeshScopeConfig {
    /// Span-forwarding destinations, in file order. Read at start; a change needs a restart.
    public var spanForwarding: [SpanForwardingConfig] {
        get { self[section: SpanForwardingSection.self].entries }
        set { self[section: SpanForwardingSection.self].entries = newValue }
    }
}
