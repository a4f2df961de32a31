/// The recursive-descent parser behind `PromQLParser`. It follows Prometheus' yacc
/// grammar (`generated_parser.y`) rule for rule, including which construct names a
/// syntax error (`unexpected ")" in aggregation`), and stops at the first error, which
/// is the one Prometheus reports.
struct Parser {
    let options: PromQLParser.Options
    var lexer: Lexer
    /// Tokens read ahead, comments dropped.
    var lookahead: [Token] = []
    /// End of the last consumed token: where an expression ends.
    var lastEnd = 0
    /// Open aggregations: a syntax error inside one is reported "in aggregation", as
    /// yacc recovers in the innermost aggregation rule.
    var openAggregations = 0
    /// Nesting of expressions being parsed.
    var nesting = 0
    /// The depth of the tree the last parsing function returned: 1 for a leaf.
    var depth = 0

    /// Bounds on the tree's depth and on the parser's recursion (parentheses, calls,
    /// right operands inside each other), so that neither the parser nor anything
    /// walking the tree recursively (checking, rendering, equality, evaluation) can
    /// exhaust a thread's stack, even in debug builds. Far beyond real queries;
    /// Prometheus itself has no bound.
    static let maximumDepth = 1000
    static let maximumNesting = 500

    init(query: String, options: PromQLParser.Options) {
        self.options = options
        lexer = Lexer(query)
    }

    // MARK: Tokens

    /// The token `offset` places ahead, without consuming it. A lexer error ends the
    /// parse here, as Prometheus reports it on reading the token.
    mutating func peek(_ offset: Int = 0) throws(ParseFailure) -> Token {
        while lookahead.count <= offset {
            let token = lexer.next()
            switch token.kind {
            case .comment: continue
            case .error:
                throw ParseFailure(token.text, at: PositionRange(start: token.start, end: lexer.input.count))
            default: lookahead.append(token)
            }
        }
        return lookahead[offset]
    }

    @discardableResult
    mutating func advance() throws(ParseFailure) -> Token {
        let token = try peek()
        lookahead.removeFirst()
        lastEnd = token.end
        return token
    }

    /// Consumes the next token if it is of `kind`.
    mutating func take(_ kind: TokenKind) throws(ParseFailure) -> Token? {
        try peek().kind == kind ? try advance() : nil
    }

    // MARK: Errors

    func error(_ message: String, at range: PositionRange) -> ParseFailure {
        ParseFailure(message, at: range)
    }

    /// Prometheus' `unexpected <token>[ in <context>][, expected <what>]`.
    func unexpected(_ token: Token, in context: String = "", expected: String = "") -> ParseFailure {
        var message = "unexpected " + token.errorDescription
        if !context.isEmpty { message += " in " + context }
        if !expected.isEmpty { message += ", expected " + expected }
        return error(message, at: token.range)
    }

    /// `depth + 1`, refused past `maximumDepth`.
    func deeper(_ depth: Int, at range: PositionRange) throws(ParseFailure) -> Int {
        guard depth < Parser.maximumDepth else { throw tooDeep(Parser.maximumDepth, at: range) }
        return depth + 1
    }

    func tooDeep(_ limit: Int, at range: PositionRange) -> ParseFailure {
        error("expression nested too deeply: more than \(limit) levels", at: range)
    }

    /// A token that cannot continue an expression: reported against the innermost
    /// construct yacc would recover in, an open aggregation or the whole query.
    func unexpectedInExpression(_ token: Token) -> ParseFailure {
        unexpected(token, in: openAggregations > 0 ? "aggregation" : "")
    }

    // MARK: Entry

    mutating func parseQuery() throws(ParseFailure) -> Expr {
        let first = try peek()
        if first.kind == .eof {
            throw error("no expression found in input", at: PositionRange(start: 0, end: 0))
        }
        let expr = try parseExpr()
        let trailing = try peek()
        guard trailing.kind == .eof else { throw unexpectedInExpression(trailing) }
        return expr
    }
}
