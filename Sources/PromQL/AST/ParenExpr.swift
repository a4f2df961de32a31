/// `(expr)`, kept in the tree so that the rendering reproduces the grouping.
public struct ParenExpr: Sendable, Hashable {
    public var expr: Expr
    /// From `(` to `)` inclusive.
    public var positionRange: PositionRange

    public init(expr: Expr, positionRange: PositionRange = .init(start: 0, end: 0)) {
        self.expr = expr
        self.positionRange = positionRange
    }

    public static func == (lhs: ParenExpr, rhs: ParenExpr) -> Bool { lhs.expr == rhs.expr }
    public func hash(into hasher: inout Hasher) { hasher.combine(expr) }
}
