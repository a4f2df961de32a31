import MeshMetrics

/// How Prometheus prints label names: bare when they are classic identifiers, quoted
/// (Prometheus 3 UTF-8 names such as `"service.name"`) otherwise.
enum LabelNames {
    /// `[a-zA-Z_][a-zA-Z0-9_]*`, the names that need no quotes.
    static func isLegacy(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for (index, byte) in name.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where index > 0:
                continue
            default:
                return false
            }
        }
        return true
    }

    static func render(_ name: String) -> String {
        isLegacy(name) ? name : GoQuote.quote(Array(name.utf8))
    }

    /// A grouping or matching list without the parentheses: `a, "b.c"`.
    static func render(_ names: [String]) -> String {
        names.map(render).joined(separator: ", ")
    }

    /// `name="value"` with Go quoting of the value, as `labels.Matcher.String()`.
    static func renderMatcher(_ matcher: LabelMatcher) -> String {
        render(matcher.name) + matcher.kind.rawValue + GoQuote.quote(Array(matcher.value.utf8))
    }
}
