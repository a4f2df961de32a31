import Yams

/// The `logs` section: the access-log store (`logs.db`).
public struct LogsConfig: Sendable, Hashable {
    /// As long as spans: a log record is most useful beside its trace.
    public static let defaultRetention = PromDuration.days(7)

    /// Records whose timestamp is older than this are deleted. Re-read on reload.
    public var retention: PromDuration

    public init(retention: PromDuration = LogsConfig.defaultRetention) {
        self.retention = retention
    }
}

extension LogsConfig: ConfigSection {
    static let key = "logs"

    init() {
        self.init(retention: Self.defaultRetention)
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> LogsConfig {
        let map = try node.mapping(allowed: ["retention"])
        var logs = LogsConfig()
        if let value = map["retention"] {
            logs.retention = try value.duration()
            if logs.retention == .zero { throw value.error("must be greater than 0s") }
        }
        return logs
    }

    var yamlNode: Node {
        .section([("retention", .duration(retention))])
    }
}

extension MeshScopeConfig {
    /// The `logs` section.
    public var logs: LogsConfig {
        get { self[section: LogsConfig.self] }
        set { self[section: LogsConfig.self] = newValue }
    }
}
