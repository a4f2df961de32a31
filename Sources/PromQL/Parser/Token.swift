/// A lexed token: its type, where it starts (UTF-8 byte offset) and its text. For an
/// error token the text is the message.
struct Token: Sendable {
    var kind: TokenKind
    var start: Int
    var text: String

    /// Byte offset just past the token.
    var end: Int { kind == .error ? start : start + text.utf8.count }

    var range: PositionRange { PositionRange(start: start, end: end) }

    /// How Prometheus names the token in "unexpected ..." messages (`Item.desc()`):
    /// `<op:+>`, `<by>`, `<aggr:sum>`, `")"`, `identifier "foo"`, `end of input`.
    var errorDescription: String {
        if kind.hasFixedSpelling { return itemString }
        let typeName: String
        switch kind {
        case .eof: return "end of input"
        case .error: typeName = "error"
        case .comment: typeName = "comment"
        case .identifier: typeName = "identifier"
        case .metricIdentifier: typeName = "metric identifier"
        case .string: typeName = "string"
        case .number: typeName = "number"
        case .duration: typeName = "duration"
        default: typeName = ""
        }
        return typeName + " " + itemString
    }

    /// Prometheus' `Item.String()`.
    private var itemString: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return text
        case .identifier, .metricIdentifier: return GoQuote.quote(text)
        case _ where kind.isKeyword: return "<\(text)>"
        case _ where kind.isOperator: return "<op:\(text)>"
        case .aggregator: return "<aggr:\(text)>"
        default:
            // Go's `%.10q...`: at most ten characters, quoted, then an ellipsis.
            let characters = Array(text.unicodeScalars)
            if characters.count > 10 {
                var prefix = String.UnicodeScalarView()
                prefix.append(contentsOf: characters[..<10])
                return GoQuote.quote(String(prefix)) + "..."
            }
            return GoQuote.quote(text)
        }
    }
}
