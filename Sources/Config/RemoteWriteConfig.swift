import MeshMetrics
import Yams

/// One `remote_write` entry, Prometheus' shape: every sample the collector stores is
/// also sent to `url` (Mimir, Thanos Receive, VictoriaMetrics, Cortex, Prometheus with
/// `--web.enable-remote-write-receiver`) with remote write 1.0.
public struct RemoteWriteConfig: Sendable, Hashable, ForwardingEntry {
    static let sectionKey = "remote_write"

    public var endpoint: ForwardEndpoint
    /// Applied to each outgoing series (after external labels); a dropped one is not sent.
    public var writeRelabelConfigs: [RelabelRule] = []
    public var queue = ForwardQueueConfig(maxPerSend: 2000, batchSendDeadline: .seconds(5))

    static func decode(_ node: ConfigNode) throws(ConfigError) -> RemoteWriteConfig {
        let map = try node.mapping(allowed: ForwardEndpoint.keys + ["write_relabel_configs", "queue_config"])
        var config = RemoteWriteConfig(endpoint: try ForwardEndpoint.decode(map))
        if let value = map["write_relabel_configs"] { config.writeRelabelConfigs = try RelabelRule.decodeList(value) }
        if let value = map["queue_config"] {
            config.queue = try ForwardQueueConfig.decode(value, perSendKey: "max_samples_per_send", defaults: config.queue)
        }
        return config
    }

    var yamlNode: Node {
        var pairs = endpoint.yamlPairs
        if !writeRelabelConfigs.isEmpty { pairs.append(("write_relabel_configs", .list(writeRelabelConfigs.map(\.yamlNode)))) }
        pairs.append(("queue_config", queue.yamlNode(perSendKey: "max_samples_per_send")))
        return .section(pairs)
    }
}

extension MeshScopeConfig {
    /// Remote-write destinations, in file order. Read at start; a change needs a restart.
    public var remoteWrite: [RemoteWriteConfig] {
        get { self[section: ForwardingSection<RemoteWriteConfig>.self].entries }
        set { self[section: ForwardingSection<RemoteWriteConfig>.self].entries = newValue }
    }
}
