import MeshMetrics

/// Reads one series description line the way Prometheus' series-description lexer and
/// grammar do (`ParseSeriesDesc`): a metric (`name`, `name{...}`, `{...}`, quoted
/// UTF-8 names), then whitespace-separated items:
///
///     _        _xN         no sample, N times
///     v        vxN         v, repeated N+1 times
///     a+bxN    a-bxN       a, a±b, ... (N+1 values, accumulated like Go does)
///     stale    Inf  NaN    -Inf  +Inf
///     {{...}}  {{...}}xN   {{...}}+{{...}}xN   native histograms (kept as text)
///
/// Numbers are decimal only here (`0x5` is "0, five more times", not hex).
struct SeriesNotationReader {
    private let chars: [Unicode.Scalar]
    private var index = 0

    init(_ line: some StringProtocol) {
        chars = Array(line.unicodeScalars)
    }

    // MARK: Metric

    mutating func readMetric() throws(ScriptError) -> Labels {
        var pairs: [Label] = []
        if index < chars.count, Self.isIdentifierStart(chars[index]) {
            pairs.append(Label(Labels.metricName, readIdentifier(allowColon: true)))
        }
        if index < chars.count, chars[index] == "{" {
            pairs.append(contentsOf: try readLabelSet())
        }
        guard index > 0 else { throw ScriptError("series description must start with a metric name or '{'") }
        guard index == chars.count || Self.isSpace(chars[index]) else {
            throw ScriptError("unexpected character \"\(Character(chars[index]))\" after the metric")
        }
        return Labels(pairs)
    }

    /// `{` [item (`,` item)* [`,`]] `}` where item is `name="v"`, `"name"="v"` or a
    /// lone `"metric.name"` (the metric name, UTF-8 allowed).
    private mutating func readLabelSet() throws(ScriptError) -> [Label] {
        index += 1
        var pairs: [Label] = []
        while true {
            skipSpaces()
            guard index < chars.count else { throw ScriptError("unexpected end of input inside braces") }
            if chars[index] == "}" { index += 1; return pairs }
            let name: String
            var quotedName = false
            if Self.isIdentifierStart(chars[index]) && chars[index] != ":" {
                name = readIdentifier(allowColon: false)
            } else if "\"'`".unicodeScalars.contains(chars[index]) {
                (name, index) = try QuotedString.read(chars, from: index)
                quotedName = true
            } else {
                throw ScriptError("unexpected character inside braces: \"\(Character(chars[index]))\"")
            }
            skipSpaces()
            if index < chars.count, chars[index] == "=" {
                index += 1
                skipSpaces()
                guard index < chars.count, "\"'`".unicodeScalars.contains(chars[index]) else {
                    throw ScriptError("expected a quoted label value for \"\(name)\"")
                }
                let value: String
                (value, index) = try QuotedString.read(chars, from: index)
                pairs.append(Label(name, value))
            } else if quotedName {
                pairs.append(Label(Labels.metricName, name))
            } else {
                throw ScriptError("expected \"=\" after label name \"\(name)\"")
            }
            skipSpaces()
            guard index < chars.count else { throw ScriptError("unexpected end of input inside braces") }
            if chars[index] == "," { index += 1; continue }
            guard chars[index] == "}" else { throw ScriptError("expected \",\" or \"}\" in label set") }
        }
    }

    // MARK: Values

    private enum Token: Equatable {
        case space, add, sub, times, blank
        case number(String)
        case identifier(String)
        case histogram(String)
    }

    mutating func readValues() throws(ScriptError) -> [SequenceValue] {
        let tokens = try tokenize()
        var values: [SequenceValue] = []
        var position = 0
        while position < tokens.count {
            if tokens[position] == .space { position += 1; continue }
            let end = tokens[position...].firstIndex(of: .space) ?? tokens.count
            values.append(contentsOf: try Self.expand(Array(tokens[position..<end])))
            position = end
        }
        return values
    }

    /// The series-sequence lexer: the same token classes as Prometheus', so that e.g.
    /// `Infx3` is one (invalid) identifier and `1e-5x2` is a number then a repetition.
    private mutating func tokenize() throws(ScriptError) -> [Token] {
        var tokens: [Token] = []
        while index < chars.count {
            let char = chars[index]
            if char == "{", index + 1 < chars.count, chars[index + 1] == "{" {
                tokens.append(.histogram(try readHistogram()))
            } else if Self.isSpace(char) {
                tokens.append(.space)
                skipSpaces()
            } else if char == "+" { tokens.append(.add); index += 1 }
            else if char == "-" { tokens.append(.sub); index += 1 }
            else if char == "x" { tokens.append(.times); index += 1 }
            else if char == "_" { tokens.append(.blank); index += 1 }
            else if Self.isDigit(char) || (char == "." && index + 1 < chars.count && Self.isDigit(chars[index + 1])) {
                tokens.append(.number(try readNumber()))
            } else if Self.isAlpha(char) {
                let word = readIdentifier(allowColon: true)
                let lower = word.lowercased()
                tokens.append(lower == "inf" || lower == "nan" ? .number(word) : .identifier(word))
            } else {
                throw ScriptError("unexpected character in series sequence: \"\(Character(char))\"")
            }
        }
        return tokens
    }

    /// `{{` ... `}}`, kept verbatim; histogram contents never contain `}}`.
    private mutating func readHistogram() throws(ScriptError) -> String {
        let start = index
        index += 2
        while index + 1 < chars.count {
            if chars[index] == "}" && chars[index + 1] == "}" {
                index += 2
                var text = ""
                text.unicodeScalars.append(contentsOf: chars[start..<index])
                return text
            }
            index += 1
        }
        throw ScriptError("histogram description incomplete: missing \"}}\"")
    }

    /// Prometheus' `scanNumber` with hex disabled: `[.]d[d._eE(+-)]*`, and what follows
    /// must not be alphanumeric unless it is the repetition `x`.
    private mutating func readNumber() throws(ScriptError) -> String {
        let start = index
        var sawDot = false
        var sawExponent = false
        while index < chars.count {
            let char = chars[index]
            if Self.isDigit(char) || char == "_" {
                index += 1
            } else if char == "." && !sawDot && !sawExponent {
                sawDot = true
                index += 1
            } else if (char == "e" || char == "E") && !sawExponent {
                sawExponent = true
                index += 1
                if index < chars.count, chars[index] == "+" || chars[index] == "-" { index += 1 }
            } else {
                break
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: chars[start..<index])
        if index < chars.count, chars[index] != "x", Self.isAlpha(chars[index]) || Self.isDigit(chars[index]) || chars[index] == "." {
            throw ScriptError("bad number syntax: \"\(text)\(Character(chars[index]))\"")
        }
        return text
    }

    /// One whitespace-free item of the grammar, expanded to its values.
    private static func expand(_ item: [Token]) throws(ScriptError) -> [SequenceValue] {
        let text = item.map(describe).joined()
        switch item.first {
        case .blank?:
            if item.count == 1 { return [.omitted] }
            guard item.count == 3, item[1] == .times else { throw ScriptError("invalid series item \"\(text)\"") }
            // Unlike values, `_xN` is N blanks (not N+1): Prometheus' grammar differs here.
            return Array(repeating: .omitted, count: try count(item[2], in: text))
        case .histogram(let literal)?:
            if item.count == 1 { return [.histogram(literal)] }
            if item.count == 3, item[1] == .times {
                return Array(repeating: .histogram(literal), count: try count(item[2], in: text) + 1)
            }
            guard item.count == 5, item[1] == .add || item[1] == .sub, case .histogram = item[2], item[3] == .times else {
                throw ScriptError("invalid histogram series item \"\(text)\"")
            }
            return Array(repeating: .histogram(literal), count: try count(item[4], in: text) + 1)
        default:
            var rest = item[...]
            let start = try value(&rest, text: text)
            if rest.isEmpty { return [.float(start)] }
            if rest.count == 2, rest.first == .times {
                return Array(repeating: .float(start), count: try count(rest.last!, in: text) + 1)
            }
            guard rest.first == .add || rest.first == .sub else { throw ScriptError("invalid series item \"\(text)\"") }
            let step = try value(&rest, text: text, signRequired: true)
            guard rest.count == 2, rest.first == .times else { throw ScriptError("invalid series item \"\(text)\"") }
            let repeats = try count(rest.last!, in: text)
            var values: [SequenceValue] = []
            var current = start
            for _ in 0...repeats {
                values.append(.float(current))
                current += step
            }
            return values
        }
    }

    /// `stale`, a number, or a signed number; consumes its tokens from `rest`.
    private static func value(_ rest: inout ArraySlice<Token>, text: String, signRequired: Bool = false) throws(ScriptError) -> Double {
        var sign = 1.0
        let signed = rest.first == .add || rest.first == .sub
        if signed {
            sign = rest.first == .sub ? -1 : 1
            rest = rest.dropFirst()
        } else if signRequired {
            throw ScriptError("invalid series item \"\(text)\"")
        }
        switch rest.first {
        case .number(let literal)?:
            rest = rest.dropFirst()
            guard let number = GoNumber.parse(literal) else { throw ScriptError("error parsing number \"\(literal)\"") }
            return sign < 0 ? -number : number
        case .identifier("stale")? where !signed:
            // Only bare `stale` is a value; the grammar has no signed stale marker.
            rest = rest.dropFirst()
            return StaleNaN.value
        default:
            throw ScriptError("unexpected \"\(text)\" in series values, expected number or \"stale\"")
        }
    }

    private static func count(_ token: Token, in text: String) throws(ScriptError) -> Int {
        guard case .number(let digits) = token, digits.allSatisfy(GoNumber.isDigit), let count = Int(digits) else {
            throw ScriptError("invalid repetition in series values \"\(text)\"")
        }
        return count
    }

    private static func describe(_ token: Token) -> String {
        switch token {
        case .space: " "
        case .add: "+"
        case .sub: "-"
        case .times: "x"
        case .blank: "_"
        case .number(let text), .identifier(let text), .histogram(let text): text
        }
    }

    // MARK: Characters

    private mutating func readIdentifier(allowColon: Bool) -> String {
        var text = ""
        while index < chars.count, Self.isAlpha(chars[index]) || Self.isDigit(chars[index]) || (allowColon && chars[index] == ":") {
            text.unicodeScalars.append(chars[index])
            index += 1
        }
        return text
    }

    private mutating func skipSpaces() {
        while index < chars.count, Self.isSpace(chars[index]) { index += 1 }
    }

    static func isSpace(_ char: Unicode.Scalar) -> Bool { char == " " || char == "\t" || char == "\n" || char == "\r" }
    static func isDigit(_ char: Unicode.Scalar) -> Bool { char >= "0" && char <= "9" }
    static func isAlpha(_ char: Unicode.Scalar) -> Bool { char == "_" || (char >= "a" && char <= "z") || (char >= "A" && char <= "Z") }
    static func isIdentifierStart(_ char: Unicode.Scalar) -> Bool { isAlpha(char) || char == ":" }
}
