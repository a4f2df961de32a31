/// Why an access-log line was refused, and where: `offset` is the byte offset inside the
/// line (from 0), `line` the 1-based line number inside an NDJSON body when known.
///
/// `description` reads like `line 3, column 18: expected ',' or '}' but found 'x'` or
/// `column 40: field response_code: expected a number but found an object`.
public struct AccessLogParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Not JSON: a character where the grammar allows none.
        case syntax
        /// The line ends inside a value.
        case truncated
        /// Valid JSON, but not an object.
        case notAnObject
        /// Objects and arrays nested deeper than `AccessLogParser.maxDepth`.
        case tooDeep
        /// Longer than the configured line limit.
        case tooLong
        /// A field every record needs (the timestamp) is absent.
        case missingField
        /// A known field holds a value of the wrong type or out of range.
        case invalidField
    }

    public var kind: Kind
    /// What exactly was wrong.
    public var reason: String
    /// Byte offset inside the line, from 0.
    public var offset: Int
    /// 1-based line number inside an NDJSON body; nil for a lone line.
    public var line: Int?
    /// The field involved, dotted for nested ones (`response.code`).
    public var field: String?

    public init(kind: Kind, reason: String, offset: Int, line: Int? = nil, field: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.offset = offset
        self.line = line
        self.field = field
    }

    /// 1-based byte column inside the line.
    public var column: Int { offset + 1 }

    public var description: String {
        var s = line.map { "line \($0), column \(column): " } ?? "column \(column): "
        if let field { s += "field \(field): " }
        return s + reason
    }
}
