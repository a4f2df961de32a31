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
    /// Largest size of each database file (metrics.db, traces.db, logs.db; WAL excluded),
    /// in bytes; 0 means no limit. Past it ingest is refused as on a full disk (507) until
    /// retention frees pages or the limit is raised (restart).
    public var maxBytes: Int

    public init(
        retention: PromDuration = StorageConfig.defaultRetention,
        durability: Durability = .normal,
        maxBytes: Int = 0
    ) {
        self.retention = retention
        self.durability = durability
        self.maxBytes = maxBytes
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
        try map.rejectUnknownKeys(allowed: ["retention", "durability", "max_bytes"])

        var storage = StorageConfig()
        if let value = map["retention"] {
            storage.retention = try value.duration()
            if storage.retention == .zero { throw value.error("must be greater than 0s") }
        }
        if let value = map["durability"] {
            storage.durability = try value.choice(of: Durability.self)
        }
        if let value = map["max_bytes"] {
            storage.maxBytes = try value.count()
            if storage.maxBytes != 0 && storage.maxBytes < 1 << 20 { throw value.error("must be 0 (no limit) or at least 1048576 (1 MiB)") }
        }
        return storage
    }

    var yamlNode: Node {
        .section([
            ("retention", .duration(retention)),
            ("durability", .text(durability.rawValue)),
            ("max_bytes", .number(maxBytes)),
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
