extension Parser {
    /// A literal, selector, call, aggregation or parenthesised expression, with any
    /// `[range]`, `offset` and `@` modifiers after it.
    ///
    /// The functions on the recursive path (this one, calls, aggregations, parentheses)
    /// only parse; building nodes and composing messages happens in helpers, so that each
    /// nesting level costs little stack in debug builds too.
    mutating func parseOperand() throws(ParseFailure) -> Expr {
        depth = 1
        let operand: Expr
        switch try peek().kind {
        case .leftParen: operand = try parseParenthesised()
        case .aggregator(let op): operand = try parseAggregationOrName(op)
        case .identifier, .start, .end, .step, .range: operand = try parseCallOrName()
        default: operand = try parseLeaf()
        }
        return try parsePostfixModifiers(operand)
    }

    /// Literals and selectors.
    private mutating func parseLeaf() throws(ParseFailure) -> Expr {
        let token = try peek()
        switch token.kind {
        case .number, .duration:
            return .number(try parseNumberLiteral())
        case .string:
            try advance()
            return .string(StringLiteral(bytes: try unquote(token), positionRange: token.range))
        case .leftBrace:
            return .vectorSelector(try parseVectorSelector(name: nil))
        case _ where token.kind.canNameMetric:
            return .vectorSelector(try parseVectorSelector(name: try advance()))
        default:
            throw unexpectedInExpression(token)
        }
    }

    private mutating func parseParenthesised() throws(ParseFailure) -> Expr {
        let open = try advance()
        let inner = try parseExpr()
        let close = try advance(expecting: .rightParen)
        depth = try deeper(depth, at: inner.positionRange)
        return .paren(ParenExpr(expr: inner, positionRange: PositionRange(start: open.start, end: close.end)))
    }

    /// `sum(`, `sum by`, `sum without` aggregate; otherwise `sum` names a metric.
    private mutating func parseAggregationOrName(_ op: AggregateOperator) throws(ParseFailure) -> Expr {
        switch try peek(1).kind {
        case .leftParen, .by, .without: return .aggregate(try parseAggregation(op))
        default: return try parseLeaf()
        }
    }

    /// `name(...)` is a call; `name` alone a metric.
    private mutating func parseCallOrName() throws(ParseFailure) -> Expr {
        try peek(1).kind == .leftParen ? .call(try parseCall()) : try parseLeaf()
    }

    /// Consumes a token of `kind`, or reports the one found in the enclosing
    /// expression's terms.
    mutating func advance(expecting kind: TokenKind) throws(ParseFailure) -> Token {
        let token = try peek()
        guard token.kind == kind else { throw unexpectedInExpression(token) }
        return try advance()
    }

    /// A NUMBER or DURATION token as a literal of seconds.
    mutating func parseNumberLiteral() throws(ParseFailure) -> NumberLiteral {
        let token = try advance()
        if token.kind == .duration {
            let nanoseconds: Int64
            do {
                nanoseconds = try DurationParsing.nanoseconds(token.text)
            } catch {
                throw self.error(error.text, at: token.range)
            }
            return NumberLiteral(
                DurationParsing.seconds(nanoseconds: nanoseconds), isDuration: true, positionRange: token.range)
        }
        do {
            return NumberLiteral(try NumberParsing.value(of: token.text), positionRange: token.range)
        } catch {
            throw self.error("error parsing number: \(error.text)", at: token.range)
        }
    }

    /// `name(args...)`, checked against the function table once the arguments are read.
    mutating func parseCall() throws(ParseFailure) -> Call {
        let name = try advance()
        let args = try parseCallBody()
        depth = try deeper(depth, at: name.range)
        return try makeCall(name, args, end: lastEnd)
    }

    private func makeCall(_ name: Token, _ args: [Expr], end: Int) throws(ParseFailure) -> Call {
        // `start()`, `end()`, `step()` and `range()` are keywords elsewhere.
        let functionName = name.kind == .identifier ? name.text : name.text.lowercased()
        guard let function = PromQLFunction.named(functionName) else {
            throw error("unknown function with name \(GoQuote.quote(name.text))", at: name.range)
        }
        if function.isExperimental && !options.experimentalFunctions {
            throw error("function \(GoQuote.quote(name.text)) is not enabled", at: name.range)
        }
        return Call(function: function, args: args, positionRange: PositionRange(start: name.start, end: end))
    }

    /// `(arg, ...)`; the opening parenthesis has been checked or is reported missing
    /// "in aggregation". Leaves `depth` at the deepest argument's.
    mutating func parseCallBody() throws(ParseFailure) -> [Expr] {
        _ = try advance(expecting: .leftParen)
        var args: [Expr] = []
        var deepest = 0
        defer { depth = deepest }
        if try take(.rightParen) != nil { return args }
        while true {
            args.append(try parseExpr())
            deepest = max(deepest, depth)
            if try parseArgumentSeparator() { return args }
        }
    }

    /// After an argument: true at `)`, false after `,`.
    private mutating func parseArgumentSeparator() throws(ParseFailure) -> Bool {
        let separator = try peek()
        switch separator.kind {
        case .comma:
            try advance()
            if try peek().kind == .rightParen {
                throw error("trailing commas not allowed in function call args", at: separator.range)
            }
            return false
        case .rightParen:
            try advance()
            return true
        default:
            throw unexpectedInExpression(separator)
        }
    }

    /// Consumes `by` or `without`.
    mutating func takeGroupingClause() throws(ParseFailure) -> Token? {
        let token = try peek()
        return token.kind == .by || token.kind == .without ? try advance() : nil
    }

    /// `op [by|without (...)] ([param,] expr) [by|without (...)]`.
    mutating func parseAggregation(_ op: AggregateOperator) throws(ParseFailure) -> AggregateExpr {
        let opToken = try advance()
        openAggregations += 1
        defer { openAggregations -= 1 }
        var grouping = try parseGroupingClause()
        let args = try parseCallBody()
        let argumentDepth = depth
        let bodyEnd = lastEnd
        if grouping == nil { grouping = try parseGroupingClause() }
        let range = PositionRange(start: opToken.start, end: grouping == nil ? bodyEnd : lastEnd)
        depth = try deeper(argumentDepth, at: range)
        return try makeAggregate(op, args, grouping, range)
    }

    /// `by (...)` or `without (...)`, if there: the labels and whether it is `without`.
    private mutating func parseGroupingClause() throws(ParseFailure) -> (labels: [String], without: Bool)? {
        guard let clause = try takeGroupingClause() else { return nil }
        return (try parseGroupingLabels(), clause.kind == .without)
    }

    /// Prometheus' `newAggregateExpr`: the parameter and the operand from the arguments.
    private func makeAggregate(
        _ op: AggregateOperator, _ args: [Expr], _ grouping: (labels: [String], without: Bool)?, _ range: PositionRange
    ) throws(ParseFailure) -> AggregateExpr {
        guard !args.isEmpty else { throw error("no arguments for aggregate expression provided", at: range) }
        var expected = 1
        var param: Expr?
        if op.hasParameter {
            if op.isExperimental && !options.experimentalFunctions {
                throw error(
                    "\(op.rawValue)() is experimental and must be enabled with --enable-feature=promql-experimental-functions",
                    at: range)
            }
            expected = 2
            param = args[0]
        }
        guard args.count == expected else {
            throw error(
                "wrong number of arguments for aggregate expression provided, expected \(expected), got \(args.count)",
                at: range)
        }
        return AggregateExpr(
            op: op, expr: args[expected - 1], param: param, grouping: grouping?.labels ?? [],
            without: grouping?.without ?? false, positionRange: range)
    }
}
