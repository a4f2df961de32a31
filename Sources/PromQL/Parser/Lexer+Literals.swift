extension Lexer {
    /// A `"` or `'` string; the opening quote has been read. Escapes are only validated
    /// here and decoded by `StringUnquote`.
    mutating func lexString() -> State? {
        while true {
            switch nextRune() {
            case 0x5C: return .escape  // \
            case 0xFFFD: return fail("invalid UTF-8 rune")
            case Lexer.endOfInput, 0x0A: return fail("unterminated quoted string")
            case stringOpen:
                emit(.string)
                return .statements
            default: continue
            }
        }
    }

    /// A backquoted string: no escapes, newlines allowed.
    mutating func lexRawString() -> State? {
        while true {
            switch nextRune() {
            case 0xFFFD: return fail("invalid UTF-8 rune")
            case Lexer.endOfInput: return fail("unterminated raw string")
            case stringOpen:
                emit(.string)
                return .statements
            default: continue
            }
        }
    }

    /// The character after a backslash, with Go's escape rules (adapted from go/scanner
    /// by Prometheus).
    mutating func lexEscape() -> State? {
        var rune = nextRune()
        let digits: Int, base: UInt32, maximum: UInt32
        switch rune {
        case 0x61, 0x62, 0x66, 0x6E, 0x72, 0x74, 0x76, 0x5C, stringOpen:  // a b f n r t v \ quote
            return .string
        case 0x30...0x37:
            (digits, base, maximum) = (3, 8, 255)
        case 0x78:  // x
            rune = nextRune()
            (digits, base, maximum) = (2, 16, 255)
        case 0x75:  // u
            rune = nextRune()
            (digits, base, maximum) = (4, 16, 0x10FFFF)
        case 0x55:  // U
            rune = nextRune()
            (digits, base, maximum) = (8, 16, 0x10FFFF)
        case Lexer.endOfInput:
            return fail("escape sequence not terminated")
        default:
            return fail("unknown escape sequence \(GoQuote.unicodeNotation(rune))")
        }

        var value: UInt32 = 0
        var remaining = digits
        while remaining > 0 {
            let digit = Lexer.digitValue(rune)
            if digit >= base {
                if rune == Lexer.endOfInput { return fail("escape sequence not terminated") }
                return fail("illegal character \(GoQuote.unicodeNotation(rune)) in escape sequence")
            }
            value = value * base + digit
            remaining -= 1
            if remaining > 0 { rune = nextRune() }
        }
        if value > maximum || (0xD800..<0xE000).contains(value) {
            return fail("escape sequence is an invalid Unicode code point")
        }
        return .string
    }

    static func digitValue(_ rune: Int32) -> UInt32 {
        switch rune {
        case 0x30...0x39: UInt32(rune - 0x30)
        case 0x61...0x66: UInt32(rune - 0x61 + 10)
        case 0x41...0x46: UInt32(rune - 0x41 + 10)
        default: 16
        }
    }

    /// A number (`NUMBER`) or a duration (`DURATION`) such as `5m` or `1h30m`.
    mutating func lexNumberOrDuration() -> State? {
        if scanNumber() {
            emit(.number)
            return .statements
        }
        // A duration continues with a unit and must not run into a letter or digit.
        if acceptRemainingDuration() {
            backup()
            emit(.duration)
            return .statements
        }
        return fail("bad number or duration syntax: \(GoQuote.quote(pendingText))")
    }

    private mutating func acceptRemainingDuration() -> Bool {
        guard accept("smhdwy") else { return false }
        _ = accept("s")  // `ms`; bad units like `hs` fail when the duration is parsed
        while accept("0123456789") {
            while accept("0123456789") {}
            guard accept("smhdw") else { return false }
            _ = accept("s")
        }
        return !Lexer.isAlphaNumeric(nextRune())
    }

    /// Decimal, hex, octal, float, with `_` separators. What it accepts is not
    /// necessarily a valid number; the parser reports that.
    mutating func scanNumber() -> Bool {
        let initial = position
        var digitPattern = "0123456789"
        if accept("0") && accept("xX") {
            _ = accept("_")  // 0x_1f
            digitPattern = "0123456789abcdefABCDEF"
        }
        let hex = digitPattern.count > 10
        _ = accept(".")
        _ = accept(digitPattern)
        var dotConsumed = false
        var exponentConsumed = false
        while nextIs(digitPattern + "._eE") {
            if nextIs("."), dotConsumed {
                _ = accept(".")
                return false
            }
            if nextIs("eE"), exponentConsumed {
                _ = accept("eE")
                return false
            }
            if accept(".") {
                dotConsumed = true
                // No `._`, `..`, and no fractional hexadecimal literals.
                if accept("_.") || hex { return false }
                continue
            }
            if accept("eE") {
                exponentConsumed = true
                _ = accept("+-")
                if accept("._eE") || peek() == Lexer.endOfInput { return false }
                continue
            }
            if accept("_") {
                if accept("._eE") || peek() == Lexer.endOfInput { return false }
                continue
            }
            acceptRun(digitPattern)
        }
        if position == initial { return false }
        return !Lexer.isAlphaNumeric(peek())
    }
}
