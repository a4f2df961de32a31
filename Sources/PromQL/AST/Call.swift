/// A function call, `name(args...)`, checked against the function's signature.
public struct Call: Sendable, Hashable {
    public var function: PromQLFunction
    public var args: [Expr]
    /// From the function name to the closing parenthesis.
    public var positionRange: PositionRange

    public init(function: PromQLFunction, args: [Expr], positionRange: PositionRange = .init(start: 0, end: 0)) {
        self.function = function
        self.args = args
        self.positionRange = positionRange
    }

    public static func == (lhs: Call, rhs: Call) -> Bool { lhs.function == rhs.function && lhs.args == rhs.args }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(function)
        hasher.combine(args)
    }
}
