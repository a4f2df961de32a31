/// A light PromQL tokenizer: enough to tell function calls, metric names, selectors
/// and brackets apart for scope decisions, without being a parser (the engine owns
/// parsing). Strings are single tokens, so quoted text never looks like syntax.
enum QueryToken: Hashable {
    case identifier(String)
    /// Numbers and durations (`5m`, `1e3`, `0x1F`), as one run.
    case number(String)
    /// The unquoted value.
    case string(String)
    /// Brackets, commas, operators (`==`, `=~`, `!=`, `<=`, `>=`, `!~` as one token).
    case punctuation(String)

    var punctuation: String? {
        if case .punctuation(let text) = self { return text }
        return nil
    }

    var identifier: String? {
        if case .identifier(let text) = self { return text }
        return nil
    }
}

enum QueryScanner {
    static func tokens(_ query: String) -> [QueryToken] {
        let chars = Array(query.unicodeScalars)
        var tokens: [QueryToken] = []
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if SeriesNotationReader.isSpace(char) {
                index += 1
            } else if char == "#" {
                // A PromQL comment runs to the end of the line.
                while index < chars.count, chars[index] != "\n" { index += 1 }
            } else if char == "\"" || char == "'" || char == "`" {
                if let (value, end) = try? QuotedString.read(chars, from: index) {
                    tokens.append(.string(value))
                    index = end
                } else {
                    // Unterminated or badly escaped: the engine will reject it; stop here.
                    tokens.append(.punctuation(String(Character(char))))
                    index = chars.count
                }
            } else if SeriesNotationReader.isDigit(char) || (char == "." && index + 1 < chars.count && SeriesNotationReader.isDigit(chars[index + 1])) {
                let start = index
                while index < chars.count, isNumberPart(chars[index]) { index += 1 }
                tokens.append(.number(text(chars[start..<index])))
            } else if SeriesNotationReader.isAlpha(char) || (char == ":" && index + 1 < chars.count && SeriesNotationReader.isAlpha(chars[index + 1])) {
                // A colon starts a name only before a letter: in `[5m:1m]` it is the subquery colon.
                let start = index
                while index < chars.count, SeriesNotationReader.isIdentifierStart(chars[index]) || SeriesNotationReader.isDigit(chars[index]) {
                    index += 1
                }
                tokens.append(.identifier(text(chars[start..<index])))
            } else {
                let pair = index + 1 < chars.count ? text(chars[index...index + 1]) : ""
                if ["==", "!=", "<=", ">=", "=~", "!~"].contains(pair) {
                    tokens.append(.punctuation(pair))
                    index += 2
                } else {
                    tokens.append(.punctuation(String(Character(char))))
                    index += 1
                }
            }
        }
        return tokens
    }

    /// promqltest's `(start|end|range|step)\(\)` test on the raw query text, which
    /// decides whether an instant eval is also checked as a range query.
    static func mentionsQueryContextFunction(_ query: String) -> Bool {
        ["start()", "end()", "range()", "step()"].contains { query.contains($0) }
    }

    /// Index of the token closing the bracket opened at `open`, or the last index.
    static func matchingClose(_ tokens: [QueryToken], from open: Int) -> Int {
        guard let opener = tokens[open].punctuation else { return open }
        let closer = ["(": ")", "[": "]", "{": "}"][opener] ?? opener
        var depth = 0
        for index in open..<tokens.count {
            if tokens[index].punctuation == opener { depth += 1 }
            if tokens[index].punctuation == closer {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return tokens.count - 1
    }

    private static func isNumberPart(_ char: Unicode.Scalar) -> Bool {
        SeriesNotationReader.isAlpha(char) || SeriesNotationReader.isDigit(char) || char == "."
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }
}
