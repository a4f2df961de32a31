/// A label matcher as PromQL writes it: `name="v"`, `name!="v"`, `name=~"re"`, `name!~"re"`.
/// Regexes are fully anchored, as in Prometheus.
public struct LabelMatcher: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case equal = "=", notEqual = "!=", regex = "=~", notRegex = "!~"
    }

    public let name: String
    public let kind: Kind
    public let value: String
    private let pattern: AnchoredPattern?

    public init(_ name: String, _ kind: Kind, _ value: String) throws(SelectorError) {
        self.name = name
        self.kind = kind
        self.value = value
        switch kind {
        case .regex, .notRegex: pattern = try AnchoredPattern(value)
        case .equal, .notEqual: pattern = nil
        }
    }

    /// Whether a label value (empty when the label is absent) satisfies the matcher.
    public func matches(_ candidate: String) -> Bool {
        switch kind {
        case .equal: candidate == value
        case .notEqual: candidate != value
        case .regex: pattern!.matches(candidate)
        case .notRegex: !pattern!.matches(candidate)
        }
    }

    /// True when a series without the label passes: such matchers cannot select series
    /// through the inverted index alone and must be applied as exclusions.
    public var matchesEmpty: Bool { matches("") }

    public func matches(_ labels: Labels) -> Bool {
        matches(labels[name] ?? "")
    }

    public var description: String {
        "\(name)\(kind.rawValue)\"\(Labels.escape(value))\""
    }

    public static func == (lhs: LabelMatcher, rhs: LabelMatcher) -> Bool {
        lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(kind)
        hasher.combine(value)
    }
}

extension Array where Element == LabelMatcher {
    public func matches(_ labels: Labels) -> Bool {
        allSatisfy { $0.matches(labels) }
    }
}
