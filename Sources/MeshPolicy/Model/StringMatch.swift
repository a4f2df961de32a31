/// Istio's `StringMatch`: one of exact, prefix or regex (whole-string).
public enum StringMatch: Sendable, Hashable {
    case exact(String)
    case prefix(String)
    case regex(CompiledRegex)

    public func matches(_ value: String, ignoreCase: Bool = false) -> Bool {
        switch self {
        case .exact(let expected):
            return ignoreCase ? value.lowercased() == expected.lowercased() : value == expected
        case .prefix(let expected):
            return ignoreCase ? value.lowercased().hasPrefix(expected.lowercased()) : value.hasPrefix(expected)
        case .regex(let regex):
            return regex.matchesWhole(value)
        }
    }
}

/// A header or query-parameter condition: a `StringMatch`, or (written as `{}`) presence.
public enum ValueCondition: Sendable, Hashable {
    case present
    case match(StringMatch)

    /// Whether a request value (nil when absent) satisfies the condition.
    public func isSatisfied(by value: String?) -> Bool {
        guard let value else { return false }
        switch self {
        case .present: return true
        case .match(let match): return match.matches(value)
        }
    }
}
