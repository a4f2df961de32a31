/// Quoted strings as PromQL and the scripts write them: `"..."` and `'...'` with Go
/// escapes (`\n`, `\"`, `\x41`, `\101`, `\u00e9`, `\U0001F600`), and raw `` `...` ``
/// with none. `\x` and octal escapes produce bytes, so the result is decoded as UTF-8
/// at the end (invalid sequences become U+FFFD, where Go would keep the raw bytes).
enum QuotedString {
    /// Reads the quoted string starting at `start` (which must be a quote) and returns
    /// its value and the index just past the closing quote.
    static func read(_ chars: [Unicode.Scalar], from start: Int) throws(ScriptError) -> (value: String, end: Int) {
        guard start < chars.count, "\"'`".unicodeScalars.contains(chars[start]) else {
            throw ScriptError("expected a quoted string")
        }
        let quote = chars[start]
        var bytes: [UInt8] = []
        var index = start + 1
        while index < chars.count {
            let char = chars[index]
            if char == quote { return (String(decoding: bytes, as: UTF8.self), index + 1) }
            if char == "\n" && quote != "`" { break }
            if char == "\\" && quote != "`" {
                index = try escape(chars, at: index + 1, quote: quote, into: &bytes)
                continue
            }
            append(char, to: &bytes)
            index += 1
        }
        throw ScriptError("unterminated quoted string")
    }

    /// Unquotes a whole token; `singleQuotedIsCharacter` applies Go's `strconv.Unquote`
    /// rule (used by `expect string`) that `'x'` holds exactly one character.
    static func unquote(_ text: some StringProtocol, singleQuotedIsCharacter: Bool = false) throws(ScriptError) -> String {
        let chars = Array(text.unicodeScalars)
        let (value, end) = try read(chars, from: 0)
        guard end == chars.count else { throw ScriptError("unexpected text after the closing quote") }
        if singleQuotedIsCharacter, chars.first == "'", value.unicodeScalars.count != 1 {
            throw ScriptError("single quotes hold one character")
        }
        return value
    }

    private static func escape(_ chars: [Unicode.Scalar], at start: Int, quote: Unicode.Scalar, into bytes: inout [UInt8]) throws(ScriptError) -> Int {
        guard start < chars.count else { throw ScriptError("escape sequence not terminated") }
        let char = chars[start]
        let simple: [Unicode.Scalar: UInt8] = ["a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92]
        if let byte = simple[char] { bytes.append(byte); return start + 1 }
        if char == quote { append(char, to: &bytes); return start + 1 }
        let (digits, radix, maxValue, isByte): (Int, UInt32, UInt32, Bool)
        var first = start
        switch char {
        case "0"..."7": (digits, radix, maxValue, isByte) = (3, 8, 255, true)
        case "x": (digits, radix, maxValue, isByte) = (2, 16, 255, true); first += 1
        case "u": (digits, radix, maxValue, isByte) = (4, 16, 0x10FFFF, false); first += 1
        case "U": (digits, radix, maxValue, isByte) = (8, 16, 0x10FFFF, false); first += 1
        default: throw ScriptError("unknown escape sequence \\\(Character(char))")
        }
        guard first + digits <= chars.count else { throw ScriptError("escape sequence not terminated") }
        var value: UInt32 = 0
        for offset in 0..<digits {
            guard let digit = Character(chars[first + offset]).hexDigitValue, UInt32(digit) < radix else {
                throw ScriptError("illegal character in escape sequence")
            }
            value = value * radix + UInt32(digit)
        }
        guard value <= maxValue, !(0xD800..<0xE000).contains(value) else {
            throw ScriptError("escape sequence is an invalid Unicode code point")
        }
        if isByte {
            bytes.append(UInt8(value))
        } else if let scalar = Unicode.Scalar(value) {
            append(scalar, to: &bytes)
        }
        return first + digits
    }

    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(Character(scalar)).utf8)
    }
}
