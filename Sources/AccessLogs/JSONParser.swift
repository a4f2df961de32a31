/// A strict JSON parser (RFC 8259 grammar) over the bytes of one line, producing a
/// `JSONValue` tree of byte ranges. Hand-written rather than `JSONSerialization` because
/// access logs carry invalid UTF-8 inside strings (a client's raw header bytes) and such a
/// line must still be accepted and kept: string contents are not UTF-8-validated, only
/// their escapes. Everything else (structure, escapes, control characters, numbers,
/// trailing data) is checked, with the byte offset of the first problem.
struct JSONParser {
    let p: UnsafeBufferPointer<UInt8>
    var i = 0
    let maxDepth: Int

    init(_ p: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.p = p
        self.maxDepth = maxDepth
    }

    /// Parses the whole buffer as one value; only whitespace may surround it.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(AccessLogParseError) -> JSONValue {
        var parser = JSONParser(p, maxDepth: maxDepth)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.i < p.count {
            throw parser.syntax("unexpected \(Self.show(p[parser.i])) after the end of the record")
        }
        return value
    }

    // MARK: - Errors

    func syntax(_ reason: String, at offset: Int? = nil) -> AccessLogParseError {
        AccessLogParseError(kind: .syntax, reason: reason, offset: offset ?? i)
    }

    func truncated(_ reason: String) -> AccessLogParseError {
        AccessLogParseError(kind: .truncated, reason: reason, offset: p.count)
    }

    static func show(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x" + String(c, radix: 16, uppercase: true)
    }

    // MARK: - Values

    @inline(__always) mutating func skipWhitespace() {
        while i < p.count {
            let c = p[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    mutating func value(depth: Int) throws(AccessLogParseError) -> JSONValue {
        skipWhitespace()
        guard i < p.count else { throw truncated(depth == 0 ? "empty record" : "the line ends where a value should be") }
        switch p[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), 0x30...0x39: return .number(try number())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case let c: throw syntax("unexpected \(Self.show(c)) where a value should be")
        }
    }

    mutating func object(depth: Int) throws(AccessLogParseError) -> JSONValue {
        guard depth <= maxDepth else {
            throw AccessLogParseError(kind: .tooDeep, reason: "objects and arrays nested deeper than \(maxDepth)", offset: i)
        }
        i += 1 // {
        var members: [JSONMember] = []
        // A flat Istio record has 24 members; growing from empty would copy five times.
        members.reserveCapacity(depth == 1 ? 32 : 8)
        skipWhitespace()
        if i < p.count && p[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard i < p.count else { throw truncated("the line ends inside an object") }
            guard p[i] == UInt8(ascii: "\"") else { throw syntax("expected a field name but found \(Self.show(p[i]))") }
            let key = try string()
            skipWhitespace()
            guard i < p.count else { throw truncated("the line ends after a field name") }
            guard p[i] == UInt8(ascii: ":") else { throw syntax("expected ':' after a field name but found \(Self.show(p[i]))") }
            i += 1
            skipWhitespace()
            let valueOffset = i
            let value = try value(depth: depth)
            members.append(JSONMember(key: key, value: value, valueOffset: valueOffset))
            skipWhitespace()
            guard i < p.count else { throw truncated("the line ends inside an object") }
            switch p[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return .object(members)
            case let c: throw syntax("expected ',' or '}' but found \(Self.show(c))")
            }
        }
    }

    mutating func array(depth: Int) throws(AccessLogParseError) -> JSONValue {
        guard depth <= maxDepth else {
            throw AccessLogParseError(kind: .tooDeep, reason: "objects and arrays nested deeper than \(maxDepth)", offset: i)
        }
        i += 1 // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if i < p.count && p[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
        while true {
            elements.append(try value(depth: depth))
            skipWhitespace()
            guard i < p.count else { throw truncated("the line ends inside an array") }
            switch p[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return .array(elements)
            case let c: throw syntax("expected ',' or ']' but found \(Self.show(c))")
            }
        }
    }

    /// At the opening quote: validates escapes and control characters, keeps any other
    /// byte (invalid UTF-8 included) as it is.
    mutating func string() throws(AccessLogParseError) -> JSONSpan {
        i += 1
        let start = i
        var escaped = false
        while i < p.count {
            let c = p[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return JSONSpan(start: start, end: i - 1, escaped: escaped)
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < p.count else { break }
                switch p[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    for k in 2..<6 {
                        guard i + k < p.count else { throw truncated("the line ends inside a \\u escape") }
                        guard JSONText.hexValue(p[i + k]) != nil else {
                            throw syntax("\\u must be followed by four hex digits", at: i)
                        }
                    }
                    i += 6
                case let e:
                    throw syntax("invalid escape \\\(Self.show(e))", at: i)
                }
                continue
            }
            if c < 0x20 { throw syntax("unescaped control character \(Self.show(c)) in a string") }
            i += 1
        }
        throw truncated("the line ends inside a string")
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func number() throws(AccessLogParseError) -> JSONSpan {
        let start = i
        if p[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        try digits()
        if i - intStart > 1 && p[intStart] == 0x30 { throw syntax("a number cannot have a leading zero", at: intStart) }
        if i < p.count && p[i] == UInt8(ascii: ".") {
            i += 1
            try digits()
        }
        if i < p.count && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            if i < p.count && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
            try digits()
        }
        return JSONSpan(start: start, end: i, escaped: false)
    }

    private mutating func digits() throws(AccessLogParseError) {
        let s = i
        while i < p.count && p[i] >= 0x30 && p[i] <= 0x39 { i += 1 }
        if i == s {
            if i >= p.count { throw truncated("the line ends inside a number") }
            throw syntax("expected a digit but found \(Self.show(p[i]))")
        }
    }

    private mutating func literal(_ word: StaticString) throws(AccessLogParseError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for k in 0..<w.count {
            guard i + k < p.count else { throw truncated("the line ends inside '\(word)'") }
            guard p[i + k] == w[k] else { throw syntax("unexpected \(Self.show(p[i + k])) in a literal (expected '\(word)')", at: i + k) }
        }
        i += w.count
    }
}
