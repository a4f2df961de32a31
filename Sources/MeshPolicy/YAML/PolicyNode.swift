import Yams

/// A YAML node with its field path in the document and the position findings about it
/// point at. For a mapping value that is the key (`weight: 90` is reported at `weight`).
struct PolicyNode {
    let node: Node
    /// e.g. `spec.http[0].route[1].weight`.
    let path: String
    let mark: Mark?

    init(node: Node, path: String, mark: Mark? = nil) {
        self.node = node
        self.path = path
        self.mark = mark ?? node.mark
    }

    /// YAML's null (`key:`, `~`, `null`) means "not set", as a missing key does in proto.
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return Tag.Name(rawValue: node.tag.rawValue) == .null && scalar.style == .plain
    }

    var isScalar: Bool { node.scalar != nil }

    /// For "expected a mapping, got a list" messages.
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar:
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int, .float: return "a number"
            default: return "a string"
            }
        }
    }

    func child(_ node: Node, key: String, keyMark: Mark?) -> PolicyNode {
        PolicyNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", mark: keyMark ?? node.mark)
    }

    func element(_ node: Node, index: Int) -> PolicyNode {
        PolicyNode(node: node, path: "\(path)[\(index)]")
    }
}

/// A mapping's entries in document order, keys as strings.
struct PolicyMapping {
    let node: PolicyNode
    let entries: [(key: String, value: PolicyNode)]

    /// The value under `key`, nil when absent or null.
    subscript(key: String) -> PolicyNode? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { self[key] != nil }
}

/// The fields a decoder knows for one message type, so that the rest can be named in
/// warnings: Istio fields MeshScope does not implement, and names Istio does not have.
struct FieldSet {
    let implemented: Set<String>
    let unimplemented: Set<String>

    init(_ implemented: [String], unimplemented: [String] = []) {
        self.implemented = Set(implemented)
        self.unimplemented = Set(unimplemented)
    }
}
