extension Lexer {
    /// The top-level state: operators, punctuation, and dispatch to the other states.
    mutating func lexStatements() -> State? {
        if braceOpen { return .insideBraces }
        if input[position...].starts(with: [UInt8(ascii: "#")]) { return .lineComment }

        let rune = nextRune()
        switch rune {
        case Lexer.endOfInput:
            if parenDepth != 0 { return fail("unclosed left parenthesis") }
            if bracketOpen { return fail("unclosed left bracket") }
            emit(.eof)
            return nil
        case _ where Lexer.isSpace(rune): return .space
        case 0x2C: emit(.comma)  // ,
        case 0x2A: emit(.mul)  // *
        case 0x2F: emit(.div)  // /
        case 0x25: emit(.mod)  // %
        case 0x2B: emit(.add)  // +
        case 0x2D: emit(.sub)  // -
        case 0x5E: emit(.pow)  // ^
        case 0x3D:  // =
            let following = peek()
            if following == 0x3D {
                _ = nextRune()
                emit(.equal)
            } else if following == 0x7E {
                return fail("unexpected character after '=': \(Lexer.quote(following))")
            } else {
                emit(.assign)
            }
        case 0x21:  // !
            let following = nextRune()
            if following != 0x3D { return fail("unexpected character after '!': \(Lexer.quote(following))") }
            emit(.notEqual)
        case 0x3C:  // <
            if peek() == 0x3D {
                _ = nextRune()
                emit(.lessOrEqual)
            } else {
                emit(.less)
            }
        case 0x3E:  // >
            if peek() == 0x3D {
                _ = nextRune()
                emit(.greaterOrEqual)
            } else {
                emit(.greater)
            }
        case _ where Lexer.isDigit(rune) || (rune == 0x2E && Lexer.isDigit(peek())):
            backup()
            return .numberOrDuration
        case 0x22, 0x27:  // " '
            stringOpen = rune
            return .string
        case 0x60:  // `
            stringOpen = rune
            return .rawString
        case _ where Lexer.isAlpha(rune) || rune == 0x3A:
            if !bracketOpen {
                backup()
                return .keywordOrIdentifier
            }
            return lexInsideBrackets(rune)
        case 0x28:  // (
            emit(.leftParen)
            parenDepth += 1
        case 0x29:  // )
            emit(.rightParen)
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right parenthesis \(Lexer.quote(rune))") }
        case 0x7B:  // {
            emit(.leftBrace)
            braceOpen = true
            return .insideBraces
        case 0x5B:  // [
            if bracketOpen { return fail("unexpected left bracket \(Lexer.quote(rune))") }
            gotColon = false
            emit(.leftBracket)
            if Lexer.isSpace(peek()) { skipSpaces() }
            bracketOpen = true
            return .durationExpr
        case 0x5D:  // ]
            if !bracketOpen { return fail("unexpected right bracket \(Lexer.quote(rune))") }
            emit(.rightBracket)
            bracketOpen = false
        case 0x40:  // @
            emit(.at)
        default:
            return fail("unexpected character: \(Lexer.quote(rune))")
        }
        return .statements
    }

    /// A letter or `:` between `[` and `]`: the subquery colon or a duration keyword.
    private mutating func lexInsideBrackets(_ rune: Int32) -> State? {
        if rune == 0x3A {
            if gotColon { return fail("unexpected colon \(Lexer.quote(rune))") }
            if peek() == 0x3A {
                _ = nextRune()
                emit(.doubleColon)
            } else {
                emit(.colon)
            }
            gotColon = true
            return .statements
        }
        if [0x73, 0x53, 0x6D, 0x4D].contains(rune), scanDurationKeyword() { return .statements }  // s S m M
        return fail("unexpected character: \(Lexer.quote(rune)), expected ':'")
    }

    /// Inside `{...}`: label names, strings and matching operators only.
    mutating func lexInsideBraces() -> State? {
        if input[position...].starts(with: [UInt8(ascii: "#")]) { return .lineComment }
        let rune = nextRune()
        switch rune {
        case Lexer.endOfInput: return fail("unexpected end of input inside braces")
        case _ where Lexer.isSpace(rune): return .space
        case _ where Lexer.isAlpha(rune):
            backup()
            return .identifier
        case 0x2C: emit(.comma)
        case 0x22, 0x27:
            stringOpen = rune
            return .string
        case 0x60:
            stringOpen = rune
            return .rawString
        case 0x3D:  // =
            if nextRune() == 0x7E {
                emit(.regexMatch)
            } else {
                backup()
                emit(.assign)
            }
        case 0x21:  // !
            let following = nextRune()
            switch following {
            case 0x7E: emit(.regexNoMatch)
            case 0x3D: emit(.notEqual)
            default: return fail("unexpected character after '!' inside braces: \(Lexer.quote(following))")
            }
        case 0x7B: return fail("unexpected left brace \(Lexer.quote(rune))")
        case 0x7D:
            emit(.rightBrace)
            braceOpen = false
            return .statements
        default:
            return fail("unexpected character inside braces: \(Lexer.quote(rune))")
        }
        return .insideBraces
    }

    /// Right after `[`: a duration, a number, or the start of a duration expression.
    mutating func lexDurationExpr() -> State? {
        let rune = nextRune()
        switch rune {
        case Lexer.endOfInput:
            return fail("unexpected end of input in duration expression")
        case 0x5D:  // ]
            emit(.rightBracket)
            bracketOpen = false
            gotColon = false
            return .statements
        case 0x3A:  // :
            emit(.colon)
            if !gotDuration { return fail("unexpected colon before duration in duration expression") }
            if gotColon { return fail("unexpected repeated colon in duration expression") }
            gotColon = true
        case 0x28:
            emit(.leftParen)
            parenDepth += 1
        case 0x29:
            emit(.rightParen)
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right parenthesis \(Lexer.quote(rune))") }
        case _ where Lexer.isSpace(rune): skipSpaces()
        case 0x2B: emit(.add)
        case 0x2D: emit(.sub)
        case 0x2A: emit(.mul)
        case 0x2F: emit(.div)
        case 0x25: emit(.mod)
        case 0x5E: emit(.pow)
        case 0x2C: emit(.comma)
        case 0x73, 0x53, 0x6D, 0x4D, 0x72, 0x52:  // s S m M r R
            if scanDurationKeyword() { return .durationExpr }
            return fail("unexpected character in duration expression: \(Lexer.quote(rune))")
        case _ where Lexer.isDigit(rune) || (rune == 0x2E && Lexer.isDigit(peek())):
            backup()
            gotDuration = true
            return .numberOrDuration
        default:
            return fail("unexpected character in duration expression: \(Lexer.quote(rune))")
        }
        return .durationExpr
    }

    /// `step`, `range`, `min`, `max` inside brackets; false (input consumed) otherwise.
    mutating func scanDurationKeyword() -> Bool {
        while Lexer.isAlpha(nextRune()) {}
        backup()
        switch pendingText.lowercased() {
        case "step": emit(.step)
        case "range": emit(.range)
        case "min": emit(.aggregator(.min))
        case "max": emit(.aggregator(.max))
        default: return false
        }
        return true
    }

    mutating func skipSpaces() {
        while Lexer.isSpace(peek()) { _ = nextRune() }
        ignore()
    }

    mutating func lexSpace() -> State? {
        skipSpaces()
        return .statements
    }

    /// `#` to the end of the line.
    mutating func lexLineComment() -> State? {
        position += 1
        var rune = nextRune()
        while !Lexer.isEndOfLine(rune) && rune != Lexer.endOfInput { rune = nextRune() }
        backup()
        emit(.comment)
        return .statements
    }

    /// A label name inside braces; keywords are plain names there.
    mutating func lexIdentifier() -> State? {
        while Lexer.isAlphaNumeric(nextRune()) {}
        backup()
        emit(.identifier)
        return .statements
    }

    /// A metric name (which may contain `:`), a keyword, or `Inf`/`NaN`.
    mutating func lexKeywordOrIdentifier() -> State? {
        while true {
            let rune = nextRune()
            if Lexer.isAlphaNumeric(rune) || rune == 0x3A { continue }
            backup()
            break
        }
        let word = pendingText
        if let kind = TokenKind.words[word.lowercased()] {
            // `fill(...)` modifiers are keywords only before a parenthesis, so that
            // `fill` still names a metric.
            if [.fill, .fillLeft, .fillRight].contains(kind), !followedByLeftParen() {
                emit(.identifier)
            } else {
                emit(kind)
            }
        } else {
            emit(word.utf8.contains(UInt8(ascii: ":")) ? .metricIdentifier : .identifier)
        }
        return .statements
    }

    private func followedByLeftParen() -> Bool {
        var index = position
        while index < input.count, Lexer.isSpace(Int32(input[index])) { index += 1 }
        return index < input.count && input[index] == UInt8(ascii: "(")
    }
}
