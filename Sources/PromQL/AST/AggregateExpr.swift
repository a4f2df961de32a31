/// `op [by|without (labels)] ([param, ] expr)`; the modifier may also follow the body.
public struct AggregateExpr: Sendable, Hashable {
    public var op: AggregateOperator
    public var expr: Expr
    /// Set exactly when `op.hasParameter`.
    public var param: Expr?
    /// The labels of `by (...)` or `without (...)`; empty for neither or an empty list.
    public var grouping: [String]
    /// `without (...)` rather than `by (...)`.
    public var without: Bool
    /// From the operator to the closing parenthesis of the body or of a trailing modifier.
    public var positionRange: PositionRange

    public init(
        op: AggregateOperator, expr: Expr, param: Expr? = nil, grouping: [String] = [], without: Bool = false,
        positionRange: PositionRange = .init(start: 0, end: 0)
    ) {
        self.op = op
        self.expr = expr
        self.param = param
        self.grouping = grouping
        self.without = without
        self.positionRange = positionRange
    }

    public static func == (lhs: AggregateExpr, rhs: AggregateExpr) -> Bool {
        lhs.op == rhs.op && lhs.grouping == rhs.grouping && lhs.without == rhs.without
            && lhs.param == rhs.param && lhs.expr == rhs.expr
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(op)
        hasher.combine(grouping)
        hasher.combine(without)
        hasher.combine(param)
        hasher.combine(expr)
    }
}
