import Testing
@testable import PromQL

/// The Go behaviours the parser and the rendering reproduce: number and duration
/// parsing, quoting, float and duration formatting.
@Suite struct ParserFormattingTests {
    @Test func fixedFloats() {
        #expect(FloatFormat.fixed(1e-7) == "0.0000001")
        #expect(FloatFormat.fixed(0.1 + 0.2) == "0.30000000000000004")
        #expect(FloatFormat.fixed(1.2345678901234568e20) == "123456789012345680000")
        #expect(FloatFormat.fixed(-1.5) == "-1.5")
        #expect(FloatFormat.fixed(100_000) == "100000")
        #expect(FloatFormat.fixed(.leastNonzeroMagnitude) == "0." + String(repeating: "0", count: 323) + "5")
        #expect(FloatFormat.fixed(.greatestFiniteMagnitude) == "17976931348623157" + String(repeating: "0", count: 292))
        #expect(FloatFormat.fixed(-.infinity) == "-Inf" && FloatFormat.fixed(.nan) == "NaN")
        #expect(FloatFormat.sixDecimals(9_223_372_036_854_775_808) == "9223372036854775808.000000")
        #expect(FloatFormat.sixDecimals(-1e19) == "-10000000000000000000.000000")
        #expect(FloatFormat.sixDecimals(2.5) == "2.500000")
    }

    @Test func goQuoting() {
        #expect(GoQuote.quote("a\"b\\c\n\t\u{7f}é\u{200b}😀") == #""a\"b\\c\n\t\x7fé\u200b😀""#)
        #expect(GoQuote.quote([0x61, 0xFF, 0xC3]) == #""a\xff\xc3""#)
        #expect(GoQuote.quote("\u{FFFD}") == "\"\u{FFFD}\"")
        #expect(GoQuote.quoteRune(-1) == "'\u{FFFD}'")
        #expect(GoQuote.quoteRune(0x27) == #"'\''"#)
        #expect(GoQuote.quoteRune(0x22) == #"'"'"#)
        #expect(GoQuote.unicodeNotation(0x63) == "U+0063 'c'")
        #expect(GoQuote.unicodeNotation(0x0A) == "U+000A")
        #expect(GoQuote.decodeUTF8([0xC0, 0x80]) == nil)  // overlong
        #expect(GoQuote.decodeUTF8([0xED, 0xA0, 0x80]) == nil)  // surrogate
    }

    @Test func durations() throws {
        #expect(DurationFormat.string(milliseconds: 0) == "0s")
        #expect(DurationFormat.string(milliseconds: 90_000) == "1m30s")
        #expect(DurationFormat.string(milliseconds: 31_536_000_000) == "1y")
        #expect(DurationFormat.string(milliseconds: 1_209_600_000) == "2w")
        #expect(DurationFormat.string(milliseconds: 691_200_000) == "8d")
        #expect(DurationFormat.string(milliseconds: 3_600_001) == "1h1ms")
        #expect(try DurationParsing.nanoseconds("1h30m") == 5_400_000_000_000)
        #expect(try DurationParsing.nanoseconds("1y2w3d4h5m6s7ms") == 33_019_506_007_000_000)
        #expect(try DurationParsing.nanoseconds("0") == 0)
        #expect(DurationParsing.seconds(nanoseconds: 1_500_000_000) == 1.5)
        for (text, message) in [
            ("1y1y", #"not a valid duration string: "1y1y""#),
            ("5d3w", #"not a valid duration string: "5d3w""#),
            ("5x", #"unknown unit "x" in duration "5x""#),
            ("300y", "duration out of range"),
            ("99999999999999999999s", #"not a valid duration string: "99999999999999999999s""#),
        ] {
            #expect(throws: ParseMessage.self) { try DurationParsing.nanoseconds(text) }
            do {
                _ = try DurationParsing.nanoseconds(text)
            } catch {
                #expect(error.text == message)
            }
        }
    }

    @Test func numbers() throws {
        #expect(NumberParsing.parseInt("0b101") == 5)
        #expect(NumberParsing.parseInt("0o17") == 15)
        #expect(NumberParsing.parseInt("017") == 15)
        #expect(NumberParsing.parseInt("0x1F") == 31)
        #expect(NumberParsing.parseInt("1_2") == 12)
        #expect(NumberParsing.parseInt("0x") == nil)
        #expect(NumberParsing.parseInt("08") == nil)
        #expect(NumberParsing.parseInt("9223372036854775808") == nil)
        #expect(NumberParsing.underscoreOK("0x_1f") && !NumberParsing.underscoreOK("1__0") && !NumberParsing.underscoreOK("1_"))
        #expect(try NumberParsing.value(of: "08") == 8)
        #expect(try NumberParsing.value(of: "1_000.5") == 1000.5)
        #expect(try NumberParsing.value(of: "9223372036854775808") == 9.223372036854775808e18)
        #expect(try NumberParsing.value(of: "1e-400") == 0)
        #expect(try NumberParsing.value(of: "iNf") == .infinity)
        #expect(try NumberParsing.value(of: "NAN").isNaN)
        #expect(throws: ParseMessage.self) { try NumberParsing.value(of: "1e309") }
        #expect(throws: ParseMessage.self) { try NumberParsing.value(of: "0x1p3") }
    }

    @Test func unquoting() throws {
        #expect(try StringUnquote.unquote(#""\101\x41\u0041\U00000041""#) == Array("AAAA".utf8))
        #expect(try StringUnquote.unquote(#"'it\'s'"#) == Array("it's".utf8))
        #expect(try StringUnquote.unquote("`a\\nb`") == Array("a\\nb".utf8))
        #expect(try StringUnquote.unquote(#""\377""#) == [0xFF])
        #expect(throws: StringUnquote.InvalidSyntax.self) { try StringUnquote.unquote(#""\'""#) }
        #expect(throws: StringUnquote.InvalidSyntax.self) { try StringUnquote.unquote(#""\400""#) }
    }

    @Test func lexerTokens() {
        var lexer = Lexer(#"sum by (a) (rate(x{y=~"z"}[5m:1m] offset -1h @ start())) > bool 0x1F # c"#)
        var kinds: [TokenKind] = []
        while true {
            let token = lexer.next()
            kinds.append(token.kind)
            if token.kind == .eof || token.kind == .error { break }
        }
        #expect(kinds == [
            .aggregator(.sum), .by, .leftParen, .identifier, .rightParen, .leftParen, .identifier, .leftParen,
            .identifier, .leftBrace, .identifier, .regexMatch, .string, .rightBrace, .leftBracket, .duration, .colon,
            .duration, .rightBracket, .offset, .sub, .duration, .at, .start, .leftParen, .rightParen, .rightParen,
            .rightParen, .greater, .bool, .number, .comment, .eof,
        ])
    }
}
