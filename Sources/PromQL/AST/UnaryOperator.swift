public enum UnaryOperator: String, Sendable, Hashable, CustomStringConvertible {
    case plus = "+"
    case minus = "-"

    public var description: String { rawValue }
}
