/// A string literal after unquoting. Escapes such as `\xc5` can produce bytes that are not
/// UTF-8, which Prometheus accepts at parse time and rejects later where a label name or
/// value is needed (`count_values("a\xc5z", x)` fails at evaluation), so the exact bytes
/// are kept.
public struct StringLiteral: Sendable, Hashable {
    public var bytes: [UInt8]
    public var positionRange: PositionRange

    public init(bytes: [UInt8], positionRange: PositionRange = .init(start: 0, end: 0)) {
        self.bytes = bytes
        self.positionRange = positionRange
    }

    public init(_ value: String, positionRange: PositionRange = .init(start: 0, end: 0)) {
        self.init(bytes: Array(value.utf8), positionRange: positionRange)
    }

    /// The value as text; invalid UTF-8 sequences become U+FFFD.
    public var value: String { String(decoding: bytes, as: UTF8.self) }

    /// False when escapes produced bytes that are not UTF-8 (`"\xff"`): such a string is
    /// not a valid label name or value.
    public var isValidUTF8: Bool { GoQuote.decodeUTF8(bytes) != nil }

    /// Go's `%q` of the value (`"a\xc5z"`), for error messages that quote it as
    /// Prometheus does.
    public var quoted: String { GoQuote.quote(bytes) }

    public static func == (lhs: StringLiteral, rhs: StringLiteral) -> Bool { lhs.bytes == rhs.bytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
