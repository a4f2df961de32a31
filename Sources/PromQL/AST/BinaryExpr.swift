/// `lhs op rhs` with its modifiers.
public struct BinaryExpr: Sendable, Hashable {
    public var op: BinaryOperator
    public var lhs: Expr { didSet { type = BinaryExpr.resultType(lhs, rhs) } }
    public var rhs: Expr { didSet { type = BinaryExpr.resultType(lhs, rhs) } }
    /// `bool`: comparisons return 0 or 1 instead of filtering.
    public var returnBool: Bool
    /// Present exactly when both sides are instant vectors; set operators are always
    /// many-to-many.
    public var matching: VectorMatching?
    /// From the start of `lhs` to the end of `rhs`.
    public var positionRange: PositionRange

    public init(
        op: BinaryOperator, lhs: Expr, rhs: Expr, returnBool: Bool = false, matching: VectorMatching? = nil,
        positionRange: PositionRange = .init(start: 0, end: 0)
    ) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.returnBool = returnBool
        self.matching = matching
        self.positionRange = positionRange
        type = BinaryExpr.resultType(lhs, rhs)
    }

    /// Both operands scalar gives a scalar; anything else an instant vector. Stored, so
    /// that asking a long chain of operations for its type takes constant time.
    public private(set) var type: ValueType

    private static func resultType(_ lhs: Expr, _ rhs: Expr) -> ValueType {
        lhs.type == .scalar && rhs.type == .scalar ? .scalar : .vector
    }

    public static func == (lhs: BinaryExpr, rhs: BinaryExpr) -> Bool {
        lhs.op == rhs.op && lhs.returnBool == rhs.returnBool && lhs.matching == rhs.matching
            && lhs.lhs == rhs.lhs && lhs.rhs == rhs.rhs
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(op)
        hasher.combine(returnBool)
        hasher.combine(matching)
        hasher.combine(lhs)
        hasher.combine(rhs)
    }
}
