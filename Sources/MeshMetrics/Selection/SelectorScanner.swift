/// Byte scanner for selectors; positions in errors are byte offsets.
struct SelectorScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseSelector() throws(SelectorError) -> [LabelMatcher] {
        var matchers: [LabelMatcher] = []
        skipSpace()
        if let name = identifier(allowColon: true) {
            matchers.append(try LabelMatcher(Labels.metricName, .equal, name))
        }
        skipSpace()
        if peek == UInt8(ascii: "{") {
            index += 1
            matchers += try matcherList()
        }
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected character after selector") }
        guard !matchers.isEmpty else { throw fail("vector selector must contain at least one matcher") }
        // Prometheus refuses selectors that would match every series.
        guard matchers.contains(where: { !$0.matchesEmpty }) else {
            throw fail("vector selector must contain at least one non-empty matcher")
        }
        return matchers
    }

    private mutating func matcherList() throws(SelectorError) -> [LabelMatcher] {
        var matchers: [LabelMatcher] = []
        while true {
            skipSpace()
            if peek == UInt8(ascii: "}") { index += 1; return matchers }
            guard let name = identifier(allowColon: false) ?? quotedName() else {
                throw fail("expected label name")
            }
            skipSpace()
            let kind = try matchOperator()
            skipSpace()
            let value = try stringLiteral()
            matchers.append(try LabelMatcher(name, kind, value))
            skipSpace()
            if peek == UInt8(ascii: ",") { index += 1; continue }
            guard peek == UInt8(ascii: "}") else { throw fail("expected ',' or '}' in label matchers") }
        }
    }

    private mutating func quotedName() -> String? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        return try? stringLiteral()
    }

    private mutating func matchOperator() throws(SelectorError) -> LabelMatcher.Kind {
        let rest = bytes[index...].prefix(2)
        switch (rest.first, rest.dropFirst().first) {
        case (UInt8(ascii: "="), UInt8(ascii: "~")): index += 2; return .regex
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): index += 2; return .notEqual
        case (UInt8(ascii: "!"), UInt8(ascii: "~")): index += 2; return .notRegex
        case (UInt8(ascii: "="), _): index += 1; return .equal
        default: throw fail("expected label matching operator (=, !=, =~, !~)")
        }
    }

    private mutating func stringLiteral() throws(SelectorError) -> String {
        guard let quote = peek, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`") else {
            throw fail("expected quoted string")
        }
        let start = index
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == quote { return String(decoding: out, as: UTF8.self) }
            if byte == UInt8(ascii: "\\") && quote != UInt8(ascii: "`") {
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): out.append(escaped)
                default:
                    // Regex escapes such as `\d` pass through untouched only in raw strings.
                    throw SelectorError(position: index - 2, message: "unknown escape sequence '\\\(Character(UnicodeScalar(escaped)))'")
                }
            } else {
                out.append(byte)
            }
        }
        throw SelectorError(position: start, message: "unterminated quoted string")
    }

    private mutating func identifier(allowColon: Bool) -> String? {
        let start = index
        while let byte = peek, isIdentifierByte(byte, first: index == start, allowColon: allowColon) {
            index += 1
        }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    private func isIdentifierByte(_ byte: UInt8, first: Bool, allowColon: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
        case UInt8(ascii: "0")...UInt8(ascii: "9"): !first
        case UInt8(ascii: ":"): allowColon
        default: false
        }
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d { index += 1 }
    }

    private func fail(_ message: String) -> SelectorError {
        SelectorError(position: index, message: message)
    }
}
