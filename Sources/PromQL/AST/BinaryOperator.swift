/// A binary operator; `rawValue` is its canonical spelling.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case add = "+"
    case sub = "-"
    case mul = "*"
    case div = "/"
    case mod = "%"
    case pow = "^"
    case atan2
    case equal = "=="
    case notEqual = "!="
    case greater = ">"
    case less = "<"
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case and
    case or
    case unless

    public var description: String { rawValue }

    /// `== != > < >= <=`: filter, or return 0/1 with `bool`.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: true
        default: false
        }
    }

    /// `and or unless`: only between instant vectors, always many-to-many.
    public var isSetOperator: Bool {
        switch self {
        case .and, .or, .unless: true
        default: false
        }
    }

    /// Binding strength, higher binds tighter: `or` 1, `and unless` 2, comparisons 3,
    /// `+ -` 4, `* / % atan2` 5, `^` 6. Unary operators sit at 5, so `-2^2` is `-(2^2)`.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and, .unless: 2
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: 3
        case .add, .sub: 4
        case .mul, .div, .mod, .atan2: 5
        case .pow: 6
        }
    }

    /// Only `^` groups to the right: `2^3^2` is `2^(3^2)`.
    public var isRightAssociative: Bool { self == .pow }
}
