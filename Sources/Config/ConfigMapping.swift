import Yams

/// The entries of a YAML mapping in document order, with their key nodes kept for
/// error positions. Built only through `ConfigNode`.
struct ConfigMapping {
    struct Entry {
        let name: String
        /// The key node: unknown-key errors point here.
        let key: ConfigNode
        let value: ConfigNode
    }

    /// The mapping itself: errors about a missing key point here.
    let node: ConfigNode
    let entries: [Entry]

    /// Null reads as an empty mapping. Keys must be scalars; duplicates were
    /// already rejected by Yams.
    init(_ node: ConfigNode) throws(ConfigError) {
        self.node = node
        if node.isNull {
            entries = []
            return
        }
        guard let mapping = node.node.mapping else {
            throw node.error("expected a mapping, got \(node.kindDescription)")
        }
        var entries: [Entry] = []
        for (key, value) in mapping {
            let keyNode = node.child(key, path: node.path)
            guard let name = key.scalar?.string else {
                throw keyNode.error("mapping keys must be strings, got \(keyNode.kindDescription)")
            }
            let childPath = node.path.isEmpty ? name : "\(node.path).\(name)"
            entries.append(Entry(name: name,
                                 key: node.child(key, path: childPath),
                                 value: node.child(value, path: childPath, errorMark: key.mark)))
        }
        self.entries = entries
    }

    func rejectUnknownKeys(allowed: [String]) throws(ConfigError) {
        for entry in entries where !allowed.contains(entry.name) {
            let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            throw entry.key.error("unknown key \"\(entry.name)\" (allowed: \(list))")
        }
    }

    /// The value under `name`, or nil when the key is absent or its value is null.
    subscript(name: String) -> ConfigNode? {
        guard let entry = entries.first(where: { $0.name == name }), !entry.value.isNull else { return nil }
        return entry.value
    }

    /// Error for a required key that is absent, pointing at the mapping that lacks it.
    func missing(_ name: String) -> ConfigError {
        node.error("missing required key \"\(name)\"")
    }
}
