extension Parser {
    /// `[range]`, `[range:step]`, `offset d` and `@ t` after an operand, in any order and
    /// number; they bind tighter than any operator.
    mutating func parsePostfixModifiers(_ operand: Expr) throws(ParseFailure) -> Expr {
        var expr = operand
        while true {
            let token = try peek()
            switch token.kind {
            case .leftBracket:
                let operandDepth = depth
                expr = try parseRangeOrSubquery(expr)
                depth = try deeper(operandDepth, at: expr.positionRange)
            case .offset: expr = try parseOffset(expr)
            case .at: expr = try parseAt(expr)
            case .anchored, .smoothed:
                throw error("\(token.text.lowercased()) modifier is experimental and not enabled", at: expr.positionRange)
            default: return expr
            }
        }
    }

    /// `expr[5m]` (a matrix selector; only on a plain vector selector) or `expr[5m:1m]`,
    /// `expr[5m:]` (a subquery).
    mutating func parseRangeOrSubquery(_ expr: Expr) throws(ParseFailure) -> Expr {
        let open = try advance()
        let range = try parseBracketDuration(
            context: "subquery or range selector", expected: "number, duration, step(), or range()")
        let separator = try peek()
        switch separator.kind {
        case .rightBracket:
            try advance()
            let bracket = PositionRange(start: open.start, end: separator.end)
            guard case .vectorSelector(let selector) = expr else {
                throw error("ranges only allowed for vector selectors", at: bracket)
            }
            if selector.offset != 0 { throw error("no offset modifiers allowed before range", at: bracket) }
            if selector.at != nil { throw error("no @ modifiers allowed before range", at: bracket) }
            return .matrixSelector(
                MatrixSelector(
                    vectorSelector: selector, range: range,
                    positionRange: PositionRange(start: selector.positionRange.start, end: separator.end)))
        case .colon:
            try advance()
            var step: Int64?
            if try peek().kind != .rightBracket {
                step = try parseBracketDuration(
                    context: "subquery selector", expected: "number, duration, step(), range(), or \"]\"")
                let close = try peek()
                guard close.kind == .rightBracket else {
                    throw unexpected(close, in: "subquery selector", expected: "\"]\"")
                }
            }
            let close = try advance()
            return .subquery(
                SubqueryExpr(
                    expr: expr, range: range, step: step,
                    positionRange: PositionRange(start: expr.positionRange.start, end: close.end)))
        default:
            throw unexpected(separator, in: "subquery or range", expected: "\":\" or \"]\"")
        }
    }

    /// A positive duration inside brackets, in milliseconds: a duration or a number of
    /// seconds, with optional signs (`[-5m]` is rejected as not positive).
    private mutating func parseBracketDuration(context: String, expected: String) throws(ParseFailure) -> Int64 {
        let literal = try parseSignedDurationLiteral(context: context, expected: expected)
        if Parser.isDurationArithmetic(try peek().kind) { throw durationExpressionError(at: literal.positionRange) }
        guard literal.value > 0 else { throw error("duration must be greater than 0", at: literal.positionRange) }
        return Parser.milliseconds(seconds: literal.value)
    }

    /// `offset 5m`, `offset -1h`, `offset 30` (seconds).
    mutating func parseOffset(_ expr: Expr) throws(ParseFailure) -> Expr {
        try advance()
        let literal = try parseSignedDurationLiteral(context: "offset", expected: "number, duration, step(), or range()")
        let offset = Parser.milliseconds(seconds: literal.value)
        let end = lastEnd
        var result = expr
        switch expr {
        case .vectorSelector(var selector):
            if selector.offset != 0 { throw error("offset may not be set multiple times", at: expr.positionRange) }
            selector.offset = offset
            selector.positionRange.end = end
            result = .vectorSelector(selector)
        case .matrixSelector(var matrix):
            if matrix.vectorSelector.offset != 0 { throw error("offset may not be set multiple times", at: expr.positionRange) }
            matrix.vectorSelector.offset = offset
            matrix.positionRange.end = end
            result = .matrixSelector(matrix)
        case .subquery(var subquery):
            if subquery.offset != 0 { throw error("offset may not be set multiple times", at: expr.positionRange) }
            subquery.offset = offset
            subquery.positionRange.end = end
            result = .subquery(subquery)
        default:
            throw error(
                "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery",
                at: expr.positionRange)
        }
        return result
    }

    /// A duration or number of seconds, with any signs. `step()`, `range()`,
    /// `min`/`max` and parentheses start duration expressions, which are not supported.
    private mutating func parseSignedDurationLiteral(context: String, expected: String) throws(ParseFailure) -> NumberLiteral {
        // Signs may repeat (`[--5m]`, `offset -+1h`); each `-` negates.
        var negative = false
        var signStart: Int?
        var token = try peek()
        while token.kind == .add || token.kind == .sub {
            try advance()
            if signStart == nil { signStart = token.start }
            if token.kind == .sub { negative.toggle() }
            token = try peek()
        }
        switch token.kind {
        case .number, .duration: break
        case .leftParen:
            // Prometheus reports a parenthesised duration at what it encloses.
            var offset = 1
            while try peek(offset).kind == .leftParen { offset += 1 }
            throw durationExpressionError(at: try peek(offset).range)
        case .step, .range, .aggregator(.min), .aggregator(.max):
            // `step()`, `range()`, `min(a, b)`, `max(a, b)`; without the parenthesis
            // the next token is the unexpected one.
            let next = try peek(1)
            guard next.kind == .leftParen else {
                try advance()
                throw unexpected(next, in: context, expected: expected)
            }
            throw durationExpressionError(at: token.range)
        default:
            throw unexpected(token, in: context, expected: expected)
        }
        var literal = try parseNumberLiteral()
        if negative { literal.value = -literal.value }
        if let signStart { literal.positionRange.start = signStart }
        // Durations must fit Go's time.Duration (nanoseconds in an Int64).
        if literal.value > 9_223_372_036.854775807 || literal.value < -9_223_372_036.854775808 {
            throw error("duration out of range", at: literal.positionRange)
        }
        return literal
    }

    /// `@ 1609746000`, `@ -100`, `@ 1h` (seconds), `@ start()`, `@ end()`.
    mutating func parseAt(_ expr: Expr) throws(ParseFailure) -> Expr {
        try advance()
        var token = try peek()
        let at: AtModifier
        switch token.kind {
        case .start, .end:
            try advance()
            let open = try peek()
            guard open.kind == .leftParen else { throw unexpected(open, in: "@", expected: "timestamp") }
            try advance()
            let close = try peek()
            guard close.kind == .rightParen else { throw unexpected(close, in: "@", expected: "timestamp") }
            try advance()
            at = token.kind == .start ? .start : .end
        default:
            var negative = false
            if token.kind == .add || token.kind == .sub {
                negative = try advance().kind == .sub
                token = try peek()
            }
            guard token.kind == .number || token.kind == .duration else {
                throw unexpected(token, in: "@", expected: "timestamp")
            }
            let seconds = (negative ? -1 : 1) * (try parseNumberLiteral()).value
            if !seconds.isFinite || seconds >= 9.223372036854775807e18 || seconds <= -9.223372036854775808e18 {
                throw error(
                    "timestamp out of bounds for @ modifier: \(FloatFormat.sixDecimals(seconds))", at: expr.positionRange)
            }
            at = .timestamp(Parser.clampedInt64((seconds * 1000).rounded(.toNearestOrAwayFromZero)))
        }
        let end = lastEnd
        func alreadySet() -> ParseFailure { error("@ <timestamp> may not be set multiple times", at: expr.positionRange) }
        switch expr {
        case .vectorSelector(var selector):
            if selector.at != nil { throw alreadySet() }
            selector.at = at
            selector.positionRange.end = end
            return .vectorSelector(selector)
        case .matrixSelector(var matrix):
            if matrix.vectorSelector.at != nil { throw alreadySet() }
            matrix.vectorSelector.at = at
            matrix.positionRange.end = end
            return .matrixSelector(matrix)
        case .subquery(var subquery):
            if subquery.at != nil { throw alreadySet() }
            subquery.at = at
            subquery.positionRange.end = end
            return .subquery(subquery)
        default:
            throw error(
                "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery",
                at: expr.positionRange)
        }
    }

    /// Prometheus 3's duration arithmetic (`[5m+1m]`, `offset step()`) is an
    /// experimental feature that MeshScope does not offer.
    func durationExpressionError(at range: PositionRange) -> ParseFailure {
        error("experimental duration expression is not enabled", at: range)
    }

    static func isDurationArithmetic(_ kind: TokenKind) -> Bool {
        [.add, .sub, .mul, .div, .mod, .pow].contains(kind)
    }

    /// Seconds to milliseconds as Prometheus: rounded to the nanosecond, then truncated.
    static func milliseconds(seconds: Double) -> Int64 {
        clampedInt64((seconds * 1e9).rounded(.toNearestOrAwayFromZero)) / 1_000_000
    }

    static func clampedInt64(_ value: Double) -> Int64 {
        if value.isNaN { return 0 }
        if value >= 9.223372036854775807e18 { return .max }
        if value <= -9.223372036854775808e18 { return .min }
        return Int64(value)
    }
}
