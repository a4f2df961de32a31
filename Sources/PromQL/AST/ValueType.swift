/// The type of value an expression evaluates to, as Prometheus names them.
public enum ValueType: String, Sendable, Hashable, CustomStringConvertible {
    case none
    case scalar
    /// An instant vector.
    case vector
    /// A range vector: a matrix selector or a subquery.
    case matrix
    case string

    /// Prometheus' internal name (`vector`, `matrix`, ...), used by a few messages.
    public var description: String { rawValue }

    /// The name the documentation and most error messages use (`instant vector`,
    /// `range vector`).
    public var documentedName: String {
        switch self {
        case .vector: "instant vector"
        case .matrix: "range vector"
        default: rawValue
        }
    }
}
