import Yams

/// The `traces` section: the Zipkin span store (`traces.db`).
public struct TracesConfig: Sendable, Hashable {
    /// 7 days: Zipkin's own storage default (Cassandra's `default_time_to_live` of its
    /// span tables); spans are bigger than samples, so they get a shorter default.
    public static let defaultRetention = PromDuration.days(7)

    /// Spans whose timestamp is older than this are deleted. Re-read on reload.
    public var retention: PromDuration
    /// Zipkin's `AUTOCOMPLETE_KEYS`: tag keys whose values `/api/v2/autocompleteValues`
    /// offers. Applies to spans stored after a restart.
    public var autocompleteKeys: [String]
    /// Zipkin's `STRICT_TRACE_ID`: when false, a 64-bit id also finds the 128-bit trace
    /// sharing its low 64 bits (mixed-width instrumentation). Needs a restart.
    public var strictTraceId: Bool

    public init(retention: PromDuration = TracesConfig.defaultRetention, autocompleteKeys: [String] = [],
                strictTraceId: Bool = true) {
        self.retention = retention
        self.autocompleteKeys = autocompleteKeys
        self.strictTraceId = strictTraceId
    }
}

extension TracesConfig: ConfigSection {
    static let key = "traces"

    init() {
        self.init(retention: Self.defaultRetention)
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> TracesConfig {
        let map = try node.mapping(allowed: ["retention", "autocomplete_keys", "strict_trace_id"])
        var traces = TracesConfig()
        if let value = map["retention"] {
            traces.retention = try value.duration()
            if traces.retention == .zero { throw value.error("must be greater than 0s") }
        }
        if let value = map["autocomplete_keys"] {
            var keys: [String] = []
            for key in try value.stringList() where !keys.contains(key) {
                if key.isEmpty { throw value.error("keys must not be empty") }
                keys.append(key)
            }
            traces.autocompleteKeys = keys
        }
        if let value = map["strict_trace_id"] { traces.strictTraceId = try value.bool() }
        return traces
    }

    var yamlNode: Node {
        .section([
            ("retention", .duration(retention)),
            ("autocomplete_keys", .list(autocompleteKeys.map { .text($0) })),
            ("strict_trace_id", .flag(strictTraceId)),
        ])
    }
}

extension MeshScopeConfig {
    /// The `traces` section.
    public var traces: TracesConfig {
        get { self[section: TracesConfig.self] }
        set { self[section: TracesConfig.self] = newValue }
    }
}
