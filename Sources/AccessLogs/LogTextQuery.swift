/// The `q` search parameter: words and `"quoted phrases"`, all of which must occur in the
/// record's path, authority or user agent (each within one of them), case-insensitively,
/// as whole tokens; a trailing `*` (`word*`, `"two words"*`) makes the last token a prefix.
///
/// Text is split into tokens as SQLite FTS5's `unicode61` tokenizer (with
/// `remove_diacritics 0`) splits it: letters, digits and private-use characters form
/// tokens, everything else separates them, and case folds. So `"/api/v1"` is the phrase
/// `api v1`, and `GET` finds `get`. FTS5's own operators (`OR`, `NOT`, `NEAR`, column
/// filters, parentheses) are not interpreted: every term is sent to FTS5 as a quoted
/// phrase, so no input can be a syntax error. `matches` applies the same rule to texts
/// not yet in the full-text index.
public struct LogTextQuery: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        public var tokens: [String]
        /// The last token matches any token it begins.
        public var prefix: Bool

        public init(tokens: [String], prefix: Bool = false) {
            self.tokens = tokens
            self.prefix = prefix
        }
    }

    public var terms: [Term]

    public init(parsing text: String) {
        var terms: [Term] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.properties.isWhitespace { i += 1; continue }
            var piece = String.UnicodeScalarView()
            var prefix = false
            if c == "\"" {
                i += 1
                while i < chars.count && chars[i] != "\"" { piece.append(chars[i]); i += 1 }
                i += 1 // closing quote, or past the end of an unterminated phrase
                if i < chars.count && chars[i] == "*" { prefix = true; i += 1 }
            } else {
                while i < chars.count && !chars[i].properties.isWhitespace && chars[i] != "\"" { piece.append(chars[i]); i += 1 }
                while let last = piece.last, last == "*" { piece.removeLast(); prefix = true }
            }
            let tokens = Self.tokens(String(piece))
            if !tokens.isEmpty { terms.append(Term(tokens: tokens, prefix: prefix)) }
        }
        self.terms = terms
    }

    /// True when the text has no searchable token (empty, or only punctuation): such a
    /// query filters nothing.
    public var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 `MATCH` expression: each term a quoted phrase, all required.
    public var ftsExpression: String {
        terms.map { term in
            let phrase = "\"" + term.tokens.joined(separator: " ").replacingAll("\"", with: "\"\"") + "\""
            return term.prefix ? phrase + " *" : phrase
        }.joined(separator: " AND ")
    }

    /// Whether texts (the columns of one record) answer the query.
    public func matches(_ columns: [String?]) -> Bool {
        let tokenized = columns.map { $0.map(Self.tokens) ?? [] }
        return terms.allSatisfy { term in tokenized.contains { Self.contains($0, term) } }
    }

    private static func contains(_ tokens: [String], _ term: Term) -> Bool {
        let n = term.tokens.count
        guard tokens.count >= n else { return false }
        outer: for start in 0...(tokens.count - n) {
            for k in 0..<n {
                let have = tokens[start + k], want = term.tokens[k]
                let ok = term.prefix && k == n - 1 ? have.hasPrefix(want) : have == want
                if !ok { continue outer }
            }
            return true
        }
        return false
    }

    /// Tokens of a text by `unicode61` rules: runs of letters (L*), numbers (N*) and
    /// private-use characters (Co), lowercased.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isTokenScalar(s) {
                if s.value >= 0x41 && s.value <= 0x5A {
                    current.append(Unicode.Scalar(s.value | 0x20)!)
                } else if s.isASCII {
                    current.append(s)
                } else {
                    current.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
                }
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    static func isTokenScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
