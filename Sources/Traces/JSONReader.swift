/// A failure inside the JSON reader, turned into a `SpanDecodingError` by the decoder.
struct JSONFailure: Error {
    enum Kind {
        /// Not JSON (Zipkin reports these as `Malformed`).
        case syntax(String)
        /// Input ended inside a value (gson's `End of input`).
        case endOfInput
        /// Well-formed JSON, wrong value: gson's wording such as `Expected a string but was NUMBER`.
        case value(String)
        /// Zipkin's builder refused the value.
        case validation(SpanValidationError)
    }
    var kind: Kind
    var offset: Int
    /// The field, when the span parser knows it precisely (nested tags, annotations).
    var field: String? = nil
}

/// The value kinds, named as gson names them in its error messages.
enum JSONToken: String {
    case beginArray = "BEGIN_ARRAY", beginObject = "BEGIN_OBJECT", string = "STRING"
    case number = "NUMBER", boolean = "BOOLEAN", null = "NULL"
}

/// A minimal pull reader over UTF-8 bytes. Hand-rolled rather than `JSONSerialization` so
/// the decoder can dispatch on field names and parse ids without building `Any` trees;
/// iterative (no recursion), so deep nesting cannot overflow the stack.
struct JSONReader {
    let p: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    @inline(__always) mutating func skipWhitespace() {
        while i < p.count {
            let c = p[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    func syntax(_ message: String) -> JSONFailure { JSONFailure(kind: .syntax(message), offset: i) }
    func endOfInput() -> JSONFailure { JSONFailure(kind: .endOfInput, offset: i) }

    @inline(__always) mutating func peek() throws(JSONFailure) -> UInt8 {
        skipWhitespace()
        guard i < p.count else { throw endOfInput() }
        return p[i]
    }

    mutating func token() throws(JSONFailure) -> JSONToken {
        switch try peek() {
        case UInt8(ascii: "["): return .beginArray
        case UInt8(ascii: "{"): return .beginObject
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .boolean
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), 0x30...0x39: return .number
        case let c: throw syntax("unexpected character \(Self.show(c))")
        }
    }

    static func show(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "0x" + String(c, radix: 16)
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws(JSONFailure) {
        guard try peek() == c else {
            throw syntax("expected '\(Character(Unicode.Scalar(c)))' but found \(Self.show(p[i]))")
        }
        i += 1
    }

    /// After `{` or `[`: true when another member follows, consuming the separating comma.
    @inline(__always) mutating func hasNext(_ first: inout Bool, close: UInt8) throws(JSONFailure) -> Bool {
        var c = try peek()
        if c == close { i += 1; return false }
        if !first {
            guard c == UInt8(ascii: ",") else { throw syntax("expected ',' or '\(Character(Unicode.Scalar(close)))' but found \(Self.show(c))") }
            i += 1
            c = try peek()
        }
        first = false
        if close == UInt8(ascii: "}") && c != UInt8(ascii: "\"") {
            throw syntax("expected a field name but found \(Self.show(c))")
        }
        return true
    }

    /// Scans a string starting at the current `"`; returns its raw content bounds.
    mutating func scanString() throws(JSONFailure) -> (start: Int, end: Int, escaped: Bool) {
        i += 1 // opening quote, checked by the caller
        let start = i
        var escaped = false
        while i < p.count {
            let c = p[i]
            if c == UInt8(ascii: "\"") {
                let end = i
                i += 1
                return (start, end, escaped)
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                i += 2
                continue
            }
            i += 1
        }
        i = p.count
        throw endOfInput()
    }

    /// A field name followed by its colon.
    mutating func name() throws(JSONFailure) -> (start: Int, end: Int, escaped: Bool) {
        let s = try scanString()
        try expect(UInt8(ascii: ":"))
        return s
    }

    func raw(_ s: (start: Int, end: Int, escaped: Bool)) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: p[s.start..<s.end])
    }

    /// Invalid UTF-8 becomes U+FFFD, as Java's `InputStreamReader` does in Zipkin.
    func string(_ s: (start: Int, end: Int, escaped: Bool)) throws(JSONFailure) -> String {
        if !s.escaped { return String(decoding: raw(s), as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(s.end - s.start)
        var j = s.start
        while j < s.end {
            let c = p[j]
            if c != UInt8(ascii: "\\") { out.append(c); j += 1; continue }
            guard j + 1 < s.end else { throw JSONFailure(kind: .syntax("bad escape"), offset: j) }
            let e = p[j + 1]
            j += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4(j, end: s.end) else {
                    throw JSONFailure(kind: .syntax("bad \\u escape"), offset: j)
                }
                j += 4
                var scalar = Unicode.Scalar(unit)
                if unit >= 0xD800 && unit < 0xDC00, j + 6 <= s.end, p[j] == UInt8(ascii: "\\"),
                   p[j + 1] == UInt8(ascii: "u"), let low = hex4(j + 2, end: s.end), low >= 0xDC00 && low < 0xE000 {
                    scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
                    j += 6
                }
                // A lone surrogate cannot live in a Swift String: replace it as UTF-8 decoding would.
                let ch = scalar ?? Unicode.Scalar(0xFFFD)!
                out.append(contentsOf: Array(String(Character(ch)).utf8))
            default:
                throw JSONFailure(kind: .syntax("bad escape \\\(Character(Unicode.Scalar(e)))"), offset: j - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(_ at: Int, end: Int) -> UInt16? {
        guard at + 4 <= end else { return nil }
        var v: UInt16 = 0
        for k in at..<(at + 4) {
            let c = p[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x61...0x66: d = c - 0x61 + 10
            case 0x41...0x46: d = c - 0x41 + 10
            default: return nil
            }
            v = v << 4 | UInt16(d)
        }
        return v
    }

    /// Scans a number per the JSON grammar; returns its bounds and whether it is an integer.
    mutating func scanNumber() throws(JSONFailure) -> (start: Int, end: Int, integer: Bool) {
        let start = i
        if i < p.count && p[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ r: inout JSONReader) -> Int {
            let s = r.i
            while r.i < r.p.count, r.p[r.i] >= 0x30 && r.p[r.i] <= 0x39 { r.i += 1 }
            return r.i - s
        }
        let intDigits = digits(&self)
        guard intDigits > 0 else { throw i >= p.count ? endOfInput() : syntax("malformed number") }
        if intDigits > 1 && p[i - intDigits] == 0x30 { throw syntax("malformed number (leading zero)") }
        var integer = true
        if i < p.count && p[i] == UInt8(ascii: ".") {
            i += 1; integer = false
            guard digits(&self) > 0 else { throw syntax("malformed number") }
        }
        if i < p.count && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1; integer = false
            if i < p.count && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits(&self) > 0 else { throw syntax("malformed number") }
        }
        return (start, i, integer)
    }

    mutating func literal(_ word: StaticString) throws(JSONFailure) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for k in 0..<n {
            guard i + k < p.count else { i = p.count; throw endOfInput() }
            guard p[i + k] == w[k] else { throw syntax("unexpected character \(Self.show(p[i + k]))") }
        }
        i += n
    }

    mutating func boolean() throws(JSONFailure) -> Bool {
        if p[i] == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// Skips one value of any shape, iteratively: a stack of open brackets instead of recursion.
    mutating func skipValue() throws(JSONFailure) {
        var stack: [UInt8] = []
        var first: [Bool] = []
        repeat {
            if let close = stack.last {
                var f = first[first.count - 1]
                if try !hasNext(&f, close: close) {
                    stack.removeLast(); first.removeLast()
                    continue
                }
                first[first.count - 1] = f
                if close == UInt8(ascii: "}") { _ = try name() }
            }
            switch try token() {
            case .beginArray: i += 1; stack.append(UInt8(ascii: "]")); first.append(true)
            case .beginObject: i += 1; stack.append(UInt8(ascii: "}")); first.append(true)
            case .string: _ = try scanString()
            case .number: _ = try scanNumber()
            case .boolean: _ = try boolean()
            case .null: try literal("null")
            }
        } while !stack.isEmpty
    }

    /// gson's `line N column M` for a byte offset, computed only on the error path.
    func location(_ offset: Int) -> String {
        var line = 1, lineStart = 0
        for k in 0..<min(offset, p.count) where p[k] == 0x0A { line += 1; lineStart = k + 1 }
        return "line \(line) column \(offset - lineStart + 1)"
    }
}
