/// Why a JSON v2 or proto3 body was refused. `description` is the text for a Zipkin-style
/// plain-text 400 body: Zipkin's own message first (so clients matching on Zipkin's wording
/// keep working), then where it happened.
///
/// Examples:
/// - `Expected a JSON_V2 encoded list`
/// - `Expected a JSON_V2 encoded list, but received: JSON_V1`
/// - `abc! should be lower-hex encoded with no prefix reading List<Span> from json (span 1, id 000000000000000b, field traceId, byte 74)`
/// - `Malformed reading List<Span> from json: unterminated string (span 0, field name, byte 40)`
/// - `Truncated reading List<Span> from proto3: length 20 exceeds the 7 bytes left (span 0, field name, byte 31)`
public struct SpanDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Format: String, Sendable, Hashable {
        case json = "json"
        case proto3 = "proto3"
    }

    public enum Kind: Sendable, Hashable {
        /// The body is not a list of spans at all (Zipkin's `Expected a JSON_V2 encoded list`).
        case notAList
        /// The body looks like another encoding (a JSON v1 list sent as v2).
        case unexpectedFormat
        /// Syntax errors: bad JSON, invalid proto3 wire data.
        case malformed
        /// The body ends in the middle of a value.
        case truncated
        /// Well-formed, but a field has the wrong type or fails Zipkin's validation.
        case invalidField
    }

    public var kind: Kind
    public var format: Format
    /// Zipkin's wording of the cause (`Malformed`, `Missing : traceId`, `traceId is all zeros`).
    public var reason: String
    /// What exactly was wrong, when Zipkin's wording alone is vague (`unterminated string`).
    public var detail: String?
    /// Position of the offending span in the list, from 0.
    public var spanIndex: Int?
    /// The span's normalised id, when it was read before the error.
    public var spanId: String?
    /// The field, JSON v2 spelling, dotted for nested ones (`localEndpoint.port`, `tags.error`).
    public var field: String?
    /// Byte offset into the body where the problem was found.
    public var byteOffset: Int?
    /// True when decoding a list (`List<Span>`), false for a single span.
    public var list: Bool = true

    public init(kind: Kind, format: Format, reason: String, detail: String? = nil,
                spanIndex: Int? = nil, spanId: String? = nil, field: String? = nil,
                byteOffset: Int? = nil, list: Bool = true) {
        self.kind = kind
        self.format = format
        self.reason = reason
        self.detail = detail
        self.spanIndex = spanIndex
        self.spanId = spanId
        self.field = field
        self.byteOffset = byteOffset
        self.list = list
    }

    public var description: String {
        if kind == .notAList || kind == .unexpectedFormat { return reason }
        var s = "\(reason) reading \(list ? "List<Span>" : "Span") from \(format.rawValue)"
        if let detail { s += ": \(detail)" }
        var where_: [String] = []
        if let spanIndex { where_.append("span \(spanIndex)") }
        if let spanId { where_.append("id \(spanId)") }
        if let field { where_.append("field \(field)") }
        if let byteOffset { where_.append("byte \(byteOffset)") }
        if !where_.isEmpty { s += " (" + where_.joined(separator: ", ") + ")" }
        return s
    }
}
