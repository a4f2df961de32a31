/// A subquery, `expr[30m:1m]` or `expr[30m:]`, optionally with `offset` and `@`.
public struct SubqueryExpr: Sendable, Hashable {
    public var expr: Expr
    /// The range in milliseconds, always positive.
    public var range: Int64
    /// The resolution in milliseconds; nil for `[30m:]`, which uses the global
    /// evaluation interval.
    public var step: Int64?
    /// Milliseconds; negative looks ahead, 0 means none.
    public var offset: Int64
    public var at: AtModifier?
    public var positionRange: PositionRange

    public init(
        expr: Expr, range: Int64, step: Int64? = nil, offset: Int64 = 0, at: AtModifier? = nil,
        positionRange: PositionRange = .init(start: 0, end: 0)
    ) {
        self.expr = expr
        self.range = range
        self.step = step
        self.offset = offset
        self.at = at
        self.positionRange = positionRange
    }

    public static func == (lhs: SubqueryExpr, rhs: SubqueryExpr) -> Bool {
        lhs.range == rhs.range && lhs.step == rhs.step && lhs.offset == rhs.offset && lhs.at == rhs.at
            && lhs.expr == rhs.expr
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(step)
        hasher.combine(offset)
        hasher.combine(at)
        hasher.combine(expr)
    }
}
