/// PromQL's lexer: a port of Prometheus' state machine (`promql/parser/lex.go`), because
/// its states decide which error a malformed query gets ("unclosed left parenthesis",
/// "unexpected character inside braces: '*'", ...). Works on UTF-8 bytes; positions are
/// byte offsets.
struct Lexer {
    enum State {
        case statements, insideBraces, durationExpr, string, rawString, escape, lineComment, space
        case numberOrDuration, keywordOrIdentifier, identifier
    }

    static let endOfInput: Int32 = -1

    let input: [UInt8]
    var position = 0
    /// Start of the token being scanned.
    var start = 0
    /// Byte width of the last rune read, so `backup` can undo it.
    var width = 0
    var state: State? = .statements
    var scanned: Token?

    var parenDepth = 0
    var braceOpen = false
    var bracketOpen = false
    /// A `:` was seen since the last `[`.
    var gotColon = false
    /// A number was seen inside brackets. Like Prometheus' flag it is never reset.
    var gotDuration = false
    /// The quote character of the string being read.
    var stringOpen: Int32 = 0

    init(_ query: String) { input = Array(query.utf8) }

    /// The next token; an `.error` token ends the input.
    mutating func next() -> Token {
        scanned = nil
        if var current = state {
            while scanned == nil {
                guard let following = step(current) else {
                    state = nil
                    break
                }
                current = following
                state = following
            }
        } else {
            emit(.eof)
        }
        // Some states carry on after reporting an error; the first one ends the scan.
        if scanned?.kind == .error { state = nil }
        return scanned ?? Token(kind: .eof, start: position, text: "")
    }

    private mutating func step(_ state: State) -> State? {
        switch state {
        case .statements: lexStatements()
        case .insideBraces: lexInsideBraces()
        case .durationExpr: lexDurationExpr()
        case .string: lexString()
        case .rawString: lexRawString()
        case .escape: lexEscape()
        case .lineComment: lexLineComment()
        case .space: lexSpace()
        case .numberOrDuration: lexNumberOrDuration()
        case .keywordOrIdentifier: lexKeywordOrIdentifier()
        case .identifier: lexIdentifier()
        }
    }

    // MARK: Reading runes

    /// The next rune, or `endOfInput`. A literal U+FFFD reads as Go's `RuneError`.
    mutating func nextRune() -> Int32 {
        guard position < input.count else {
            width = 0
            return Lexer.endOfInput
        }
        if let (scalar, length) = GoQuote.decodeScalar(input, at: position) {
            width = length
            position += length
            return Int32(scalar.value)
        }
        width = 1
        position += 1
        return 0xFFFD
    }

    mutating func peek() -> Int32 {
        let rune = nextRune()
        backup()
        return rune
    }

    mutating func backup() { position -= width }

    /// Consumes the next rune if it is one of `valid`.
    mutating func accept(_ valid: String) -> Bool {
        let rune = nextRune()
        if rune >= 0, let scalar = Unicode.Scalar(UInt32(rune)), valid.unicodeScalars.contains(scalar) { return true }
        backup()
        return false
    }

    mutating func acceptRun(_ valid: String) {
        while accept(valid) {}
    }

    mutating func nextIs(_ valid: String) -> Bool {
        let rune = peek()
        guard rune >= 0, let scalar = Unicode.Scalar(UInt32(rune)) else { return false }
        return valid.unicodeScalars.contains(scalar)
    }

    var pendingText: String { String(decoding: input[start..<position], as: UTF8.self) }

    mutating func emit(_ kind: TokenKind) {
        scanned = Token(kind: kind, start: start, text: pendingText)
        start = position
    }

    mutating func ignore() { start = position }

    /// Produces an error token and stops the scan.
    mutating func fail(_ message: String) -> State? {
        scanned = Token(kind: .error, start: start, text: message)
        return nil
    }

    static func isSpace(_ rune: Int32) -> Bool { rune == 0x20 || rune == 0x09 || rune == 0x0A || rune == 0x0D }
    static func isDigit(_ rune: Int32) -> Bool { rune >= 0x30 && rune <= 0x39 }
    static func isAlpha(_ rune: Int32) -> Bool {
        rune == 0x5F || (rune >= 0x61 && rune <= 0x7A) || (rune >= 0x41 && rune <= 0x5A)
    }
    static func isAlphaNumeric(_ rune: Int32) -> Bool { isAlpha(rune) || isDigit(rune) }
    static func isEndOfLine(_ rune: Int32) -> Bool { rune == 0x0D || rune == 0x0A }

    static func quote(_ rune: Int32) -> String { GoQuote.quoteRune(rune) }
}
