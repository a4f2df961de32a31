import MeshMetrics

extension Parser {
    /// Binary operators by precedence climbing, with yacc's precedences: `or` < `and
    /// unless` < comparisons < `+ -` < `* / % atan2` (and unary signs) < `^`, all
    /// left-associative except `^`.
    mutating func parseExpr(minimumPrecedence: Int = 1) throws(ParseFailure) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maximumNesting { throw tooDeep(Parser.maximumNesting, at: try peek().range) }
        var lhs = try parseUnary()
        var lhsDepth = depth
        while let op = try binaryOperator(atLeast: minimumPrecedence) {
            let (returnBool, matching) = try parseBinaryModifiers(lhs: lhs)
            let rhs = try parseExpr(minimumPrecedence: op.isRightAssociative ? op.precedence : op.precedence + 1)
            lhsDepth = try deeper(max(lhsDepth, depth), at: rhs.positionRange)
            lhs = Parser.makeBinary(op, lhs, rhs, returnBool, matching)
        }
        depth = lhsDepth
        return lhs
    }

    /// Consumes the next token if it is a binary operator binding at least as tightly as
    /// `precedence`.
    private mutating func binaryOperator(atLeast precedence: Int) throws(ParseFailure) -> BinaryOperator? {
        guard let op = try peek().kind.binaryOperator, op.precedence >= precedence else { return nil }
        try advance()
        return op
    }

    private static func makeBinary(
        _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ returnBool: Bool, _ matching: VectorMatching
    ) -> Expr {
        .binary(
            BinaryExpr(
                op: op, lhs: lhs, rhs: rhs, returnBool: returnBool, matching: matching,
                positionRange: lhs.positionRange.merged(with: rhs.positionRange)))
    }

    /// `+x`, `-x`: the operand binds like `*`, so `-2^2` is `-(2^2)` and `-a*b` is
    /// `(-a)*b`. A sign before a number literal is folded into it, as in Prometheus.
    mutating func parseUnary() throws(ParseFailure) -> Expr {
        let kind = try peek().kind
        guard kind == .add || kind == .sub else { return try parseOperand() }
        let sign = try advance()
        let operand = try parseExpr(minimumPrecedence: BinaryOperator.pow.precedence)
        if case .number = operand { return Parser.fold(sign, operand) }
        depth = try deeper(depth, at: sign.range)
        return Parser.makeUnary(sign, operand)
    }

    private static func fold(_ sign: Token, _ operand: Expr) -> Expr {
        guard case .number(var literal) = operand else { return operand }
        if sign.kind == .sub { literal.value = -literal.value }
        literal.positionRange.start = sign.start
        return .number(literal)
    }

    private static func makeUnary(_ sign: Token, _ operand: Expr) -> Expr {
        .unary(
            UnaryExpr(
                op: sign.kind == .sub ? .minus : .plus, expr: operand,
                positionRange: PositionRange(start: sign.start, end: operand.positionRange.end)))
    }

    /// `bool`, `on(...)`/`ignoring(...)`, `group_left(...)`/`group_right(...)` after a
    /// binary operator. Whether they suit the operator and operands is checked later,
    /// with the types known.
    mutating func parseBinaryModifiers(lhs: Expr) throws(ParseFailure) -> (Bool, VectorMatching) {
        let returnBool = try take(.bool) != nil
        var matching = VectorMatching()
        let clause = try peek()
        if clause.kind == .on || clause.kind == .ignoring {
            try advance()
            matching.on = clause.kind == .on
            matching.matchingLabels = try parseGroupingLabels()
            let group = try peek()
            if group.kind == .groupLeft || group.kind == .groupRight {
                try advance()
                matching.cardinality = group.kind == .groupLeft ? .manyToOne : .oneToMany
                // An opening parenthesis right after group_x is always its label list.
                if try peek().kind == .leftParen { matching.include = try parseGroupingLabels() }
            }
        }
        let fill = try peek()
        if [.fill, .fillLeft, .fillRight].contains(fill.kind) {
            throw error(
                "binop fill modifiers are experimental and not enabled",
                at: PositionRange(start: lhs.positionRange.start, end: fill.end))
        }
        return (returnBool, matching)
    }

    /// A parenthesised label list: `(a, b)`, `()`, `(a,)`; quoted names allowed.
    mutating func parseGroupingLabels() throws(ParseFailure) -> [String] {
        let open = try peek()
        guard open.kind == .leftParen else { throw unexpected(open, in: "grouping opts", expected: "\"(\"") }
        try advance()
        var labels: [String] = []
        if try take(.rightParen) != nil { return labels }
        while true {
            let label = try peek()
            if label.kind.canNameLabel {
                try advance()
                labels.append(label.text)
            } else if label.kind == .string {
                try advance()
                let bytes = try unquote(label)
                // Prometheus 3 accepts any non-empty UTF-8 label name.
                guard !bytes.isEmpty, let name = GoQuote.decodeUTF8(bytes) else {
                    throw error("invalid label name for grouping: \(GoQuote.quote(bytes))", at: label.range)
                }
                labels.append(name)
            } else {
                throw unexpected(label, in: "grouping opts", expected: "label")
            }
            let separator = try peek()
            switch separator.kind {
            case .comma:
                try advance()
                if try take(.rightParen) != nil { return labels }
            case .rightParen:
                try advance()
                return labels
            default:
                throw unexpected(separator, in: "grouping opts", expected: "\",\" or \")\"")
            }
        }
    }

    /// The unquoted bytes of a string token.
    func unquote(_ token: Token) throws(ParseFailure) -> [UInt8] {
        do {
            return try StringUnquote.unquote(token.text)
        } catch {
            throw self.error("error unquoting string \(GoQuote.quote(token.text)): invalid syntax", at: token.range)
        }
    }
}
