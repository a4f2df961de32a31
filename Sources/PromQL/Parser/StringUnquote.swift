/// Decodes a string token (quotes included) as Go's `strconv.Unquote` does, with
/// single-quoted strings of any length as in Prometheus' `strutil.Unquote`. `\x` and
/// octal escapes yield raw bytes, which need not be UTF-8.
enum StringUnquote {
    struct InvalidSyntax: Error {}

    static func unquote(_ token: String) throws(InvalidSyntax) -> [UInt8] {
        let bytes = Array(token.utf8)
        guard bytes.count >= 2, let quote = bytes.first, bytes.last == quote else { throw InvalidSyntax() }
        let body = bytes[1..<(bytes.count - 1)]
        if quote == UInt8(ascii: "`") {
            guard !body.contains(quote) else { throw InvalidSyntax() }
            return Array(body)
        }
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"), !body.contains(0x0A) else {
            throw InvalidSyntax()
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == quote { throw InvalidSyntax() }
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < body.endIndex else { throw InvalidSyntax() }
            let escape = body[index]
            index += 1
            switch escape {
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "\\"): out.append(escape)
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                guard escape == quote else { throw InvalidSyntax() }
                out.append(escape)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                let value = try number(body, from: index - 1, digits: 3, base: 8)
                guard value <= 255 else { throw InvalidSyntax() }
                out.append(UInt8(value))
                index += 2
            case UInt8(ascii: "x"):
                out.append(UInt8(try number(body, from: index, digits: 2, base: 16)))
                index += 2
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let digits = escape == UInt8(ascii: "u") ? 4 : 8
                let value = try number(body, from: index, digits: digits, base: 16)
                guard let scalar = Unicode.Scalar(value) else { throw InvalidSyntax() }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                index += digits
            default:
                throw InvalidSyntax()
            }
        }
        return out
    }

    private static func number(_ body: ArraySlice<UInt8>, from start: Int, digits: Int, base: UInt32) throws(InvalidSyntax) -> UInt32 {
        guard start + digits <= body.endIndex else { throw InvalidSyntax() }
        var value: UInt32 = 0
        for byte in body[start..<(start + digits)] {
            let digit = Lexer.digitValue(Int32(byte))
            guard digit < base else { throw InvalidSyntax() }
            value = value * base + digit
        }
        return value
    }
}
