/// Number tokens to values as Prometheus does: Go's `strconv.ParseInt(s, 0, 64)` first
/// (so `0x1f` is hex and `0755` octal), then `strconv.ParseFloat`. Errors carry Go's text.
enum NumberParsing {
    static func value(of token: String) throws(ParseMessage) -> Double {
        if let integer = parseInt(token) { return Double(integer) }
        return try parseFloat(token)
    }

    /// Go's `ParseInt(s, 0, 64)`, nil on any error: base prefixes `0x`, `0o`, `0b`, a
    /// leading `0` for octal, and `_` between digits.
    static func parseInt(_ text: String) -> Int64? {
        var bytes = Array(text.utf8)[...]
        guard !bytes.isEmpty else { return nil }
        var base: UInt64 = 10
        if bytes.first == UInt8(ascii: "0") {
            let prefix = bytes.count >= 3 ? bytes[bytes.startIndex + 1] | 0x20 : 0
            switch prefix {
            case UInt8(ascii: "b"): base = 2; bytes = bytes.dropFirst(2)
            case UInt8(ascii: "o"): base = 8; bytes = bytes.dropFirst(2)
            case UInt8(ascii: "x"): base = 16; bytes = bytes.dropFirst(2)
            default: base = 8; bytes = bytes.dropFirst()
            }
        }
        var value: UInt64 = 0
        var underscores = false
        for byte in bytes {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "_"):
                underscores = true
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                digit = UInt64((byte | 0x20) - UInt8(ascii: "a")) + 10
            default: return nil
            }
            guard digit < base else { return nil }
            let (product, overflow1) = value.multipliedReportingOverflow(by: base)
            let (sum, overflow2) = product.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        if underscores && !underscoreOK(text) { return nil }
        return value <= UInt64(Int64.max) ? Int64(value) : nil
    }

    /// Go's `ParseFloat(s, 64)` for what the lexer lets through: decimal floats with
    /// optional `_` separators, and `Inf`/`NaN` in any case. Hexadecimal floats need a `p`
    /// exponent in Go, which the lexer never produces, so they are invalid.
    static func parseFloat(_ text: String) throws(ParseMessage) -> Double {
        switch text.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        let invalid = ParseMessage("strconv.ParseFloat: parsing \(GoQuote.quote(text)): invalid syntax")
        let lower = text.lowercased()
        if lower.hasPrefix("0x") { throw invalid }
        var digits = text
        if text.utf8.contains(UInt8(ascii: "_")) {
            guard underscoreOK(text) else { throw invalid }
            digits.removeAll { $0 == "_" }
        }
        // Only digits, one optional point and an exponent reach Double's parser.
        let allowed = Set("0123456789.eE+-")
        guard !digits.isEmpty, digits.allSatisfy({ allowed.contains($0) }), let value = Double(digits) else {
            throw invalid
        }
        if value.isInfinite {
            throw ParseMessage("strconv.ParseFloat: parsing \(GoQuote.quote(text)): value out of range")
        }
        return value
    }

    /// Go's rule: `_` only between digits, or between a base prefix and a digit.
    static func underscoreOK(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var saw = UInt8(ascii: "^")
        var hex = false
        if bytes.count >= 2, bytes.first == UInt8(ascii: "0") {
            let prefix = bytes[bytes.startIndex + 1] | 0x20
            if prefix == UInt8(ascii: "b") || prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "x") {
                bytes = bytes.dropFirst(2)
                saw = UInt8(ascii: "0")
                hex = prefix == UInt8(ascii: "x")
            }
        }
        for byte in bytes {
            let lower = byte | 0x20
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lower))
            {
                saw = UInt8(ascii: "0")
                continue
            }
            if byte == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
                continue
            }
            if saw == UInt8(ascii: "_") { return false }
            saw = UInt8(ascii: "!")
        }
        return saw != UInt8(ascii: "_")
    }
}
