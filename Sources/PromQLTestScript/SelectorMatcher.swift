import MeshMetrics

/// One label matcher of a query's selector (`name="v"`, `!=`, `=~`, `!~`), as the scope
/// filter reads it to ask "could this selector reach a native histogram series?".
/// Kept local (rather than the engine's matcher type) so this module only needs the
/// label model; regexes are anchored like Prometheus' and compiled when used.
public struct SelectorMatcher: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable {
        case equal = "=", notEqual = "!=", regex = "=~", notRegex = "!~"
    }

    public var name: String
    public var op: Operator
    public var value: String

    public init(_ name: String, _ op: Operator, _ value: String) {
        self.name = name
        self.op = op
        self.value = value
    }

    /// Whether the series passes; an absent label reads as "". An invalid regex counts
    /// as matching, which errs towards skipping.
    public func matches(_ labels: Labels) -> Bool {
        let candidate = labels[name] ?? ""
        switch op {
        case .equal: return candidate == value
        case .notEqual: return candidate != value
        case .regex, .notRegex:
            guard let regex = try? Regex("^(?:" + value + ")$") else { return true }
            let found = (try? regex.wholeMatch(in: candidate)) != nil
            return op == .regex ? found : !found
        }
    }

    public var description: String {
        "\(name)\(op.rawValue)\"\(Labels.escape(value))\""
    }
}
