import Yams

/// One `log_forwarding` entry: every access-log record the collector stores is also
/// pushed to a Loki-compatible `url` (Loki's `/loki/api/v1/push`, Grafana Cloud Logs,
/// the OpenTelemetry Collector's loki receiver) as JSON streams.
public struct LogForwardingConfig: Sendable, Hashable, ForwardingEntry {
    static let sectionKey = "log_forwarding"

    public var endpoint: ForwardEndpoint
    public var queue = ForwardQueueConfig(maxPerSend: 1000, batchSendDeadline: .seconds(1))

    static func decode(_ node: ConfigNode) throws(ConfigError) -> LogForwardingConfig {
        let map = try node.mapping(allowed: ForwardEndpoint.keys + ["queue_config"])
        var config = LogForwardingConfig(endpoint: try ForwardEndpoint.decode(map))
        if let value = map["queue_config"] {
            config.queue = try ForwardQueueConfig.decode(value, perSendKey: "max_records_per_send", defaults: config.queue)
        }
        return config
    }

    var yamlNode: Node {
        var pairs = endpoint.yamlPairs
        pairs.append(("queue_config", queue.yamlNode(perSendKey: "max_records_per_send")))
        return .section(pairs)
    }
}

extension MeshScopeConfig {
    /// Log-forwarding destinations, in file order. Read at start; a change needs a restart.
    public var logForwarding: [LogForwardingConfig] {
        get { self[section: ForwardingSection<LogForwardingConfig>.self].entries }
        set { self[section: ForwardingSection<LogForwardingConfig>.self].entries = newValue }
    }
}
