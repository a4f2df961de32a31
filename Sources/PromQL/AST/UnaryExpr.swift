/// `-expr` or `+expr` on a scalar or instant vector. Signs directly before a number
/// literal are folded into the literal instead.
public struct UnaryExpr: Sendable, Hashable {
    public var op: UnaryOperator
    public var expr: Expr
    /// From the operator to the end of the operand.
    public var positionRange: PositionRange

    public init(op: UnaryOperator, expr: Expr, positionRange: PositionRange = .init(start: 0, end: 0)) {
        self.op = op
        self.expr = expr
        self.positionRange = positionRange
    }

    public static func == (lhs: UnaryExpr, rhs: UnaryExpr) -> Bool { lhs.op == rhs.op && lhs.expr == rhs.expr }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(op)
        hasher.combine(expr)
    }
}
