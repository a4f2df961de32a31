/// Go's `strconv.Quote` and `QuoteRune` (`%q`), which Prometheus uses to print strings
/// and to quote text in error messages.
public enum GoQuote {
    /// `"..."` with Go escapes: `\"`, `\\`, `\n`..., `\x01` for control bytes and for
    /// bytes that are not UTF-8, `\u00a0` for unprintable characters.
    public static func quote(_ bytes: [UInt8]) -> String {
        var out = "\""
        var index = 0
        while index < bytes.count {
            if let (scalar, width) = decodeScalar(bytes, at: index) {
                appendEscaped(scalar.value, quote: "\"", to: &out)
                index += width
            } else {
                out += "\\x" + hex(UInt32(bytes[index]), digits: 2)
                index += 1
            }
        }
        return out + "\""
    }

    public static func quote(_ string: String) -> String { quote(Array(string.utf8)) }

    /// `'x'` for a rune; a negative rune (end of input) prints as U+FFFD, as in Go.
    static func quoteRune(_ rune: Int32) -> String {
        var out = "'"
        let value = rune < 0 || rune > 0x10FFFF || (0xD800..<0xE000).contains(rune) ? 0xFFFD : UInt32(rune)
        appendEscaped(value, quote: "'", to: &out)
        return out + "'"
    }

    /// Go's `%#U`: `U+0063 'c'`, without the quoted character when unprintable.
    static func unicodeNotation(_ rune: Int32) -> String {
        let value = rune < 0 ? 0xFFFD : UInt32(rune)
        var out = "U+" + hex(value, digits: 4).uppercased()
        if let scalar = Unicode.Scalar(value), isPrint(scalar) { out += " '" + String(Character(scalar)) + "'" }
        return out
    }

    /// The bytes as text, or nil when they are not valid UTF-8.
    static func decodeUTF8(_ bytes: [UInt8]) -> String? {
        var index = 0
        while index < bytes.count {
            guard let (_, width) = decodeScalar(bytes, at: index) else { return nil }
            index += width
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One UTF-8 sequence starting at `index`: the scalar and its length, or nil when the
    /// bytes there are not valid UTF-8 (overlong forms and surrogates included).
    static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: width = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: width = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: width = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + width <= bytes.count else { return nil }
        for offset in 1..<width {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, width)
    }

    private static func appendEscaped(_ value: UInt32, quote: Character, to out: inout String) {
        guard let scalar = Unicode.Scalar(value) else {
            out += "\\ufffd"
            return
        }
        let character = Character(scalar)
        if character == quote || character == "\\" {
            out += "\\" + String(character)
            return
        }
        if isPrint(scalar) {
            out.unicodeScalars.append(scalar)
            return
        }
        switch value {
        case 0x07: out += "\\a"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x0B: out += "\\v"
        case ..<0x20, 0x7F: out += "\\x" + hex(value, digits: 2)
        case ..<0x10000: out += "\\u" + hex(value, digits: 4)
        default: out += "\\U" + hex(value, digits: 8)
        }
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII
    /// space; no other spaces, controls or unassigned code points.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
