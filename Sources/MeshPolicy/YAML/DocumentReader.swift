import Yams

/// Decodes one YAML document, collecting findings instead of throwing so that one run
/// reports every problem. Accessors return nil for a value they could not read, after
/// recording why.
struct DocumentReader {
    let file: String
    let documentIndex: Int
    var kind: String?
    var name: String?
    private(set) var findings: [Finding] = []
    /// Every destination the document routes or mirrors to, for the checks that need
    /// the other documents (does a DestinationRule define that subset?).
    var references: [DestinationReference] = []

    init(file: String, documentIndex: Int) {
        self.file = file
        self.documentIndex = documentIndex
    }

    mutating func report(_ severity: Finding.Severity, path: String, mark: Mark?, _ message: String) {
        findings.append(Finding(severity: severity, file: file, documentIndex: documentIndex, kind: kind,
                                name: name, path: path, line: mark?.line, column: mark?.column,
                                message: message))
    }

    mutating func error(_ node: PolicyNode, _ message: String) {
        report(.error, path: node.path, mark: node.mark, message)
    }

    mutating func warning(_ node: PolicyNode, _ message: String) {
        report(.warning, path: node.path, mark: node.mark, message)
    }

    // MARK: Structure

    /// The node as a mapping, with a warning for each field outside `fields`.
    mutating func mapping(_ node: PolicyNode, _ fields: FieldSet) -> PolicyMapping? {
        guard let mapping = anyMapping(node) else { return nil }
        for (key, value) in mapping.entries where !fields.implemented.contains(key) {
            if fields.unimplemented.contains(key) {
                warning(value, "not implemented by MeshScope; ignored")
            } else {
                warning(value, "unknown field '\(key)'; ignored")
            }
        }
        return mapping
    }

    /// The node as a mapping whose keys are data (header names, labels), not fields.
    mutating func anyMapping(_ node: PolicyNode) -> PolicyMapping? {
        guard case .mapping(let mapping) = node.node else {
            error(node, "expected a mapping, got \(node.kindDescription)")
            return nil
        }
        var entries: [(key: String, value: PolicyNode)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(.error, path: node.path, mark: keyNode.mark, "mapping keys must be strings")
                continue
            }
            entries.append((key, node.child(valueNode, key: key, keyMark: keyNode.mark)))
        }
        return PolicyMapping(node: node, entries: entries)
    }

    mutating func list(_ node: PolicyNode) -> [PolicyNode]? {
        guard case .sequence(let sequence) = node.node else {
            error(node, "expected a list, got \(node.kindDescription)")
            return nil
        }
        return sequence.enumerated().map { node.element($0.element, index: $0.offset) }
    }

    /// Decodes every element of a list field, dropping those that failed.
    mutating func list<T>(_ node: PolicyNode?, _ decode: (inout DocumentReader, PolicyNode) -> T?) -> [T] {
        guard let node, let elements = list(node) else { return [] }
        return elements.compactMap { decode(&self, $0) }
    }
}
