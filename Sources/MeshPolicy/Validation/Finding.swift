/// One problem found in a policy file: what is wrong, how bad, and exactly where
/// (file, document, field path, line and column), in the manner of Kiali's validations.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Stops the configuration from being applied.
        case error
        /// Reported; the configuration still applies.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// The file name as given to the loader (`-` or a label for in-memory text).
    public var file: String
    /// 0-based index of the YAML document in its file; nil for file-level problems
    /// (unreadable file, a syntax error before the first document).
    public var documentIndex: Int?
    /// `kind` and `metadata.name` of the document, when it has them.
    public var kind: String?
    public var name: String?
    /// Field path inside the document, e.g. `spec.http[0].route[1].weight`; empty for the
    /// document as a whole.
    public var path: String
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(severity: Severity, file: String, documentIndex: Int? = nil, kind: String? = nil,
                name: String? = nil, path: String = "", line: Int? = nil, column: Int? = nil,
                message: String) {
        self.severity = severity
        self.file = file
        self.documentIndex = documentIndex
        self.kind = kind
        self.name = name
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `reviews.yaml:14:9: error: VirtualService reviews (document 2): spec.http[0].route: ...`
    /// Documents are numbered from 1 here, as a reader counts them.
    public var description: String {
        var out = file
        if let line {
            out += ":\(line)"
            if let column { out += ":\(column)" }
        }
        out += ": \(severity.rawValue): "
        if let documentIndex {
            let subject = [kind, name].compactMap { $0 }.joined(separator: " ")
            out += subject.isEmpty ? "document \(documentIndex + 1): " : "\(subject) (document \(documentIndex + 1)): "
        }
        if !path.isEmpty { out += "\(path): " }
        return out + message
    }
}
