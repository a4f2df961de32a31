/// Numbers the way the Go test harness reads them: `strconv.ParseInt(s, 0, 64)` first
/// (so `010` is octal 8, `0x1F` is 31, `1_000` is 1000), then `strconv.ParseFloat`
/// (`1e-6`, `.8`, `Inf`, `-inf`, `NaN`, `0x1p-2`). Swift's `Double(String)` alone
/// would read `010` as 10 and reject `1_000`, and the scripts' scalar lines must match
/// exactly what Prometheus expects.
enum GoNumber {
    /// Go's `math.NaN()` bit pattern; Swift's `.nan` has a different payload. Keeping
    /// Go's lets an engine tell a loaded NaN from a stale marker the same way Prometheus does.
    static let nan = Double(bitPattern: 0x7ff8_0000_0000_0001)

    /// The test harness' `parseNumber`: integer syntax first, then float syntax.
    static func parse(_ text: some StringProtocol) -> Double? {
        let text = String(text)
        if let integer = parseInt(text) { return Double(integer) }
        return parseFloat(text)
    }

    /// `strconv.ParseInt(s, 0, 64)`: sign, base prefix (`0x`, `0o`, `0b`, or a leading
    /// `0` for octal), digits with `_` separators.
    static func parseInt(_ text: String) -> Int64? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, underscoresOK(body) else { return nil }
        var radix = 10
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { radix = 16; body = body.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; body = body.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; body = body.dropFirst(2) }
        else if body.count > 1 && body.first == "0" { radix = 8; body = body.dropFirst() }
        let digits = body.filter { $0 != "_" }
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return .min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `strconv.ParseFloat(s, 64)`: decimal or hexadecimal (`p` exponent required)
    /// floats, `Inf`/`Infinity` with an optional sign, unsigned `NaN`, any case.
    /// Out-of-range values are an error in Go (`1e400`), so they are here too.
    static func parseFloat(_ text: String) -> Double? {
        if let special = special(text) { return special }
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = String(first)
            body = body.dropFirst()
        }
        guard underscoresOK(body) else { return nil }
        let cleaned = String(body.filter { $0 != "_" })
        let lower = cleaned.lowercased()
        let valid = lower.hasPrefix("0x") ? isHexFloat(lower.dropFirst(2)) : isDecimalFloat(Substring(lower))
        guard valid, let value = Double(sign + cleaned), value.isFinite else { return nil }
        return value
    }

    private static func special(_ text: String) -> Double? {
        let lower = text.lowercased()
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return nan
        default: return nil
        }
    }

    /// digits [. digits] [e [+-] digits], with at least one mantissa digit.
    private static func isDecimalFloat(_ text: Substring) -> Bool {
        var rest = text
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = Substring()
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        return isExponent(rest, marker: "e")
    }

    /// hexdigits [. hexdigits] p [+-] digits (Go requires the binary exponent).
    private static func isHexFloat(_ text: Substring) -> Bool {
        var rest = text
        let whole = rest.prefix(while: \.isHexDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = Substring()
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: \.isHexDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty, rest.first == "p" else { return false }
        return isExponent(rest, marker: "p")
    }

    private static func isExponent(_ text: Substring, marker: Character) -> Bool {
        if text.isEmpty { return marker == "e" }
        guard text.first == marker else { return false }
        var rest = text.dropFirst()
        if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }

    /// Go's `underscoreOK`: `_` only between digits, or between a base prefix and a digit.
    private static func underscoresOK(_ text: Substring) -> Bool {
        guard text.contains("_") else { return true }
        let chars = Array(text.lowercased())
        var index = 0
        var previousWasDigit = false
        if chars.count >= 2, chars[0] == "0", "xob".contains(chars[1]) {
            index = 2
            previousWasDigit = true
        }
        let hex = chars.count >= 2 && chars[1] == "x" && chars[0] == "0"
        while index < chars.count {
            let char = chars[index]
            let isDigitChar = isDigit(char) || (hex && char.isHexDigit)
            if char == "_" {
                guard previousWasDigit else { return false }
                previousWasDigit = false
            } else if isDigitChar {
                previousWasDigit = true
            } else {
                // An underscore may not sit right before a non-digit (`1_.5`).
                if index > 0, chars[index - 1] == "_" { return false }
                previousWasDigit = false
            }
            index += 1
        }
        return chars.last != "_"
    }

    static func isDigit(_ char: Character) -> Bool { char >= "0" && char <= "9" }
}
