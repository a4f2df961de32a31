/// A PromQL expression, as parsed and type-checked by `PromQLParser`.
///
/// Equality and hashing compare meaning, not source positions, so
/// `try PromQLParser.parse(expr.description) == expr` holds for every parsed `expr`.
public indirect enum Expr: Sendable, Hashable {
    case number(NumberLiteral)
    case string(StringLiteral)
    case vectorSelector(VectorSelector)
    case matrixSelector(MatrixSelector)
    case subquery(SubqueryExpr)
    case unary(UnaryExpr)
    case binary(BinaryExpr)
    case aggregate(AggregateExpr)
    case call(Call)
    case paren(ParenExpr)

    /// The type of the value the expression evaluates to.
    public var type: ValueType {
        switch self {
        case .number: .scalar
        case .string: .string
        case .vectorSelector: .vector
        case .matrixSelector, .subquery: .matrix
        case .unary(let node): node.expr.type
        case .binary(let node): node.type
        case .aggregate: .vector
        case .call(let node): node.function.returnType
        case .paren(let node): node.expr.type
        }
    }

    /// Where the expression is in the query, in UTF-8 byte offsets.
    public var positionRange: PositionRange {
        get {
            switch self {
            case .number(let node): node.positionRange
            case .string(let node): node.positionRange
            case .vectorSelector(let node): node.positionRange
            case .matrixSelector(let node): node.positionRange
            case .subquery(let node): node.positionRange
            case .unary(let node): node.positionRange
            case .binary(let node): node.positionRange
            case .aggregate(let node): node.positionRange
            case .call(let node): node.positionRange
            case .paren(let node): node.positionRange
            }
        }
        set {
            switch self {
            case .number(var node): node.positionRange = newValue; self = .number(node)
            case .string(var node): node.positionRange = newValue; self = .string(node)
            case .vectorSelector(var node): node.positionRange = newValue; self = .vectorSelector(node)
            case .matrixSelector(var node): node.positionRange = newValue; self = .matrixSelector(node)
            case .subquery(var node): node.positionRange = newValue; self = .subquery(node)
            case .unary(var node): node.positionRange = newValue; self = .unary(node)
            case .binary(var node): node.positionRange = newValue; self = .binary(node)
            case .aggregate(var node): node.positionRange = newValue; self = .aggregate(node)
            case .call(var node): node.positionRange = newValue; self = .call(node)
            case .paren(var node): node.positionRange = newValue; self = .paren(node)
            }
        }
    }

    /// The direct subexpressions, in source order (an aggregation's parameter before its
    /// operand).
    public var children: [Expr] {
        switch self {
        case .number, .string, .vectorSelector: []
        case .matrixSelector(let node): [.vectorSelector(node.vectorSelector)]
        case .subquery(let node): [node.expr]
        case .unary(let node): [node.expr]
        case .binary(let node): [node.lhs, node.rhs]
        case .aggregate(let node): (node.param.map { [$0] } ?? []) + [node.expr]
        case .call(let node): node.args
        case .paren(let node): [node.expr]
        }
    }

    /// The expression with any enclosing parentheses removed.
    public var unwrappingParens: Expr {
        var expr = self
        while case .paren(let node) = expr { expr = node.expr }
        return expr
    }
}
