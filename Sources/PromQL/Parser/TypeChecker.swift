import MeshMetrics

/// Prometheus' `checkAST`: the type rules, checked once the query parsed, in the same
/// order so that the first error is the one Prometheus reports. Also settles what the
/// types decide: set operators match many-to-many, and only vector/vector operations
/// keep their vector matching.
struct TypeChecker {
    let query: [UInt8]

    init(query: String) {
        self.query = Array(query.utf8)
    }

    func error(_ message: String, at range: PositionRange) -> ParseFailure {
        ParseFailure(message, at: range)
    }

    /// The checked expression, normalised. The recursive path is kept to small
    /// functions, with the checks and their messages in separate ones, so that deep
    /// trees need little stack even in debug builds.
    func check(_ expr: Expr, labelSelectorOnly: Bool = false) throws(ParseFailure) -> Expr {
        // Cases bind nothing here: each payload is unpacked by the one function that needs it.
        switch expr {
        case .number, .string: return expr
        case .vectorSelector, .matrixSelector:
            try checkSelector(expr, labelSelectorOnly: labelSelectorOnly)
            return expr
        case .subquery: return try checkSubquery(expr)
        case .paren: return try checkParen(expr)
        case .unary: return try checkUnary(expr)
        case .aggregate: return try checkAggregate(expr)
        case .binary: return try checkBinary(expr)
        case .call: return try checkCall(expr)
        }
    }

    private func checkSubquery(_ expr: Expr) throws(ParseFailure) -> Expr {
        guard case .subquery(var node) = expr else { return expr }
        node.expr = try check(node.expr)
        try validateSubquery(node)
        return .subquery(node)
    }

    private func validateSubquery(_ node: SubqueryExpr) throws(ParseFailure) {
        let type = node.expr.type
        if type != .vector {
            throw error("subquery is only allowed on instant vector, got \(type) instead", at: node.positionRange)
        }
    }

    private func checkParen(_ expr: Expr) throws(ParseFailure) -> Expr {
        guard case .paren(var node) = expr else { return expr }
        node.expr = try check(node.expr)
        return .paren(node)
    }

    private func checkUnary(_ expr: Expr) throws(ParseFailure) -> Expr {
        guard case .unary(var node) = expr else { return expr }
        node.expr = try check(node.expr)
        try validateUnary(node)
        return .unary(node)
    }

    private func validateUnary(_ node: UnaryExpr) throws(ParseFailure) {
        let type = node.expr.type
        if type != .scalar && type != .vector {
            throw error(
                "unary expression only allowed on expressions of type scalar or instant vector, got \"\(type.documentedName)\"",
                at: node.positionRange)
        }
    }

    private func checkAggregate(_ expr: Expr) throws(ParseFailure) -> Expr {
        guard case .aggregate(var node) = expr else { return expr }
        node.expr = try check(node.expr)
        try expect(node.expr, .vector, in: "aggregation expression")
        if let param = node.param {
            node.param = try check(param)
            try validateParameter(node)
        }
        return .aggregate(node)
    }

    private func validateParameter(_ node: AggregateExpr) throws(ParseFailure) {
        if let param = node.param, let type = node.op.parameterType {
            try expect(param, type, in: "aggregation parameter")
        }
    }

    /// That a checked expression has type `type`.
    private func expect(_ expr: Expr, _ type: ValueType, in context: String) throws(ParseFailure) {
        if expr.type != type {
            throw error(
                "expected type \(type.documentedName) in \(context), got \(expr.type.documentedName)",
                at: expr.positionRange)
        }
    }

    private func checkSelector(_ expr: Expr, labelSelectorOnly: Bool) throws(ParseFailure) {
        switch expr {
        case .vectorSelector(let node): try checkSelector(node, labelSelectorOnly: labelSelectorOnly)
        case .matrixSelector(let node): try checkSelector(node.vectorSelector, labelSelectorOnly: false)
        default: break
        }
    }

    private func checkSelector(_ node: VectorSelector, labelSelectorOnly: Bool) throws(ParseFailure) {
        if let name = node.name {
            // The last matcher is the name written outside the braces.
            for matcher in node.matchers.dropLast() where matcher.name == Labels.metricName {
                throw error(
                    "metric name must not be set twice: \(GoQuote.quote(name)) or \(GoQuote.quote(matcher.value))",
                    at: node.positionRange)
            }
            return
        }
        // A selector matching the empty string everywhere would select every series.
        if !labelSelectorOnly && !node.matchers.contains(where: { !$0.matchesEmpty }) {
            throw error("vector selector must contain at least one non-empty matcher", at: node.positionRange)
        }
    }

    private func checkCall(_ expr: Expr) throws(ParseFailure) -> Expr {
        guard case .call(var node) = expr else { return expr }
        let labelSelectorArgument = try validateCallSignature(node)
        for index in node.args.indices {
            guard let expected = node.function.argumentType(at: index) else { break }
            node.args[index] = try check(node.args[index], labelSelectorOnly: index == labelSelectorArgument)
            try validateArgument(node, index, expected)
        }
        return .call(node)
    }

    private func validateArgument(_ node: Call, _ index: Int, _ expected: ValueType) throws(ParseFailure) {
        let arg = node.args[index]
        if arg.type != expected {
            throw error(
                "expected type \(expected.documentedName) in call to function \(GoQuote.quote(node.function.name)), got \(arg.type.documentedName)",
                at: arg.positionRange)
        }
    }

    /// The argument count, and info()'s label selector; returns the index of an argument
    /// that selects by labels only.
    private func validateCallSignature(_ node: Call) throws(ParseFailure) -> Int? {
        let function = node.function
        let count = node.args.count
        let name = GoQuote.quote(function.name)
        if function.variadic == 0 {
            if count != function.argumentTypes.count {
                throw error(
                    "expected \(function.argumentTypes.count) argument(s) in call to \(name), got \(count)",
                    at: node.positionRange)
            }
        } else if count < function.minimumArguments {
            throw error(
                "expected at least \(function.minimumArguments) argument(s) in call to \(name), got \(count)",
                at: node.positionRange)
        } else if let maximum = function.maximumArguments, count > maximum {
            throw error("expected at most \(maximum) argument(s) in call to \(name), got \(count)", at: node.positionRange)
        }

        // info()'s second argument selects info metrics by labels only.
        var labelSelectorArgument: Int?
        if function.name == "info", count > 1 {
            let selector = node.args[1]
            if selector.type != .vector {
                throw error(
                    "expected type instant vector in call to function \(name), got \(selector.type.documentedName)",
                    at: node.positionRange)
            }
            guard case .vectorSelector(let vector) = selector else {
                throw error("expected label selectors only", at: selector.positionRange)
            }
            if vector.name != nil {
                throw error("expected label selectors only, got vector selector instead", at: selector.positionRange)
            }
            labelSelectorArgument = 1
        }
        return labelSelectorArgument
    }

    private func checkBinary(_ expr: Expr) throws(ParseFailure) -> Expr {
        guard case .binary(var node) = expr else { return expr }
        node.lhs = try check(node.lhs)
        node.rhs = try check(node.rhs)
        return .binary(try validateBinary(node))
    }

    private func validateBinary(_ input: BinaryExpr) throws(ParseFailure) -> BinaryExpr {
        var node = input
        let lhsType = node.lhs.type, rhsType = node.rhs.type
        var matching = node.matching ?? VectorMatching()

        if node.returnBool && !node.op.isComparison {
            throw error("bool modifier can only be used on comparison operators", at: operatorRange(node))
        }
        if node.op.isComparison && !node.returnBool && lhsType == .scalar && rhsType == .scalar {
            throw error("comparisons between scalars must use BOOL modifier", at: operatorRange(node))
        }
        if node.op.isSetOperator && matching.cardinality == .oneToOne { matching.cardinality = .manyToMany }
        if matching.on {
            for label in matching.matchingLabels where matching.include.contains(label) {
                throw error(
                    "label \(GoQuote.quote(label)) must not occur in ON and GROUP clause at once", at: operatorRange(node))
            }
        }
        if lhsType != .scalar && lhsType != .vector {
            throw error("binary expression must contain only scalar and instant vector types", at: node.lhs.positionRange)
        }
        if rhsType != .scalar && rhsType != .vector {
            throw error("binary expression must contain only scalar and instant vector types", at: node.rhs.positionRange)
        }
        if lhsType != .vector || rhsType != .vector {
            if !matching.matchingLabels.isEmpty {
                throw error("vector matching only allowed between instant vectors", at: node.positionRange)
            }
            node.matching = nil
        } else {
            if node.op.isSetOperator {
                if matching.cardinality == .oneToMany || matching.cardinality == .manyToOne {
                    throw error("no grouping allowed for \"\(node.op.rawValue)\" operation", at: node.positionRange)
                }
                if matching.cardinality != .manyToMany {
                    throw error("set operations must always be many-to-many", at: node.positionRange)
                }
            }
            node.matching = matching
        }
        if (lhsType == .scalar || rhsType == .scalar) && node.op.isSetOperator {
            throw error(
                "set operator \"\(node.op.rawValue)\" not allowed in binary scalar expression", at: node.positionRange)
        }
        return node
    }

    /// The operator and its modifiers: from after the left operand to before the right
    /// one, without surrounding white space.
    private func operatorRange(_ node: BinaryExpr) -> PositionRange {
        var start = node.lhs.positionRange.end
        while start < query.count, Lexer.isSpace(Int32(query[start])) { start += 1 }
        var end = node.rhs.positionRange.start - 1
        while end > start, end < query.count, Lexer.isSpace(Int32(query[end])) { end -= 1 }
        return PositionRange(start: start, end: max(start, end))
    }
}
