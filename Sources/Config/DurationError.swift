/// Why a string is not a Prometheus duration. The messages quote the input so a
/// config error can be understood without looking at the file.
public enum DurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The string was empty.
    case empty
    /// The string does not follow the syntax (bad unit, unit order, stray characters).
    case invalid(String)
    /// The syntax is fine but the value does not fit in `Int64` milliseconds.
    case outOfRange(String)

    public var description: String {
        switch self {
        case .empty:
            "empty duration string"
        case .invalid(let text):
            "not a valid duration string: \"\(text)\""
        case .outOfRange(let text):
            "duration out of range: \"\(text)\""
        }
    }
}
