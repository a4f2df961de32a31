import Yams

/// The `storage` section: how long samples are kept and how hard commits are made durable.
public struct StorageConfig: Sendable, Hashable {
    public static let defaultRetention = PromDuration.days(15)

    /// Samples per chunk. Fixed, not configurable: it is part of the on-disk
    /// format, and 120 (Prometheus' value) keeps XOR chunks compact.
    public static let maxChunkSamples = 120

    /// Samples older than this are deleted.
    public var retention: PromDuration
    /// What a completed commit survives; see `Durability`.
    public var durability: Durability

    public init(
        retention: PromDuration = StorageConfig.defaultRetention,
        durability: Durability = .normal
    ) {
        self.retention = retention
        self.durability = durability
    }
}

extension StorageConfig: ConfigSection {
    static let key = "storage"

    init() {
        self.init(retention: Self.defaultRetention)
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> StorageConfig {
        let map = try ConfigMapping(node)
        // Say why, rather than calling a documented Prometheus-ish knob unknown.
        if let entry = map.entries.first(where: { $0.name == "max_chunk_samples" }) {
            throw entry.key.error("not configurable: chunks hold at most \(maxChunkSamples) samples")
        }
        try map.rejectUnknownKeys(allowed: ["retention", "durability"])

        var storage = StorageConfig()
        if let value = map["retention"] {
            storage.retention = try value.duration()
            if storage.retention == .zero { throw value.error("must be greater than 0s") }
        }
        if let value = map["durability"] {
            storage.durability = try value.choice(of: Durability.self)
        }
        return storage
    }

    var yamlNode: Node {
        .section([
            ("retention", .duration(retention)),
            ("durability", .text(durability.rawValue)),
        ])
    }
}

extension MeshScopeConfig {
    /// The `storage` section.
    public var storage: StorageConfig {
        get { self[section: StorageConfig.self] }
        set { self[section: StorageConfig.self] = newValue }
    }
}
