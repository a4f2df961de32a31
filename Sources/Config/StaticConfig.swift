import MeshMetrics
import Yams

/// One `static_configs` entry: a group of targets sharing the same extra labels.
public struct StaticConfig: Sendable, Hashable {
    /// `host:port` strings as written; each becomes an `instance` label.
    public var targets: [String]
    /// Added to every series scraped from these targets.
    public var labels: Labels

    public init(targets: [String], labels: Labels = Labels([])) {
        self.targets = targets
        self.labels = labels
    }
}

extension StaticConfig {
    static func decode(_ node: ConfigNode) throws(ConfigError) -> StaticConfig {
        let map = try node.mapping(allowed: ["targets", "labels"])
        var group = StaticConfig(targets: [])
        if let value = map["targets"] {
            for element in try value.list() {
                let target = try element.string()
                // Checked here rather than at scrape time so a typo fails the load
                // instead of becoming a target that is down forever.
                guard HostPort(parsing: target) != nil else {
                    throw element.error("\"\(target)\" is not a valid target: expected host:port, "
                        + "with an IPv6 address in brackets ([::1]:9100)")
                }
                group.targets.append(target)
            }
        }
        if let value = map["labels"] {
            group.labels = try value.labels()
        }
        return group
    }

    var yamlNode: Node {
        .section([
            ("targets", .list(targets.map(Node.text))),
            ("labels", .labels(labels)),
        ])
    }
}
