/// How the series of two instant vectors pair up in a binary operation.
public struct VectorMatching: Sendable, Hashable, CustomStringConvertible {
    public enum Cardinality: String, Sendable, Hashable {
        case oneToOne = "one-to-one"
        /// `group_left`: many series on the left per series on the right.
        case manyToOne = "many-to-one"
        /// `group_right`.
        case oneToMany = "one-to-many"
        /// Set operators (`and`, `or`, `unless`).
        case manyToMany = "many-to-many"
    }

    public var cardinality: Cardinality
    /// `on(...)` when true: match on exactly `matchingLabels`; otherwise `ignoring(...)`
    /// (or no clause): match on all labels but those.
    public var on: Bool
    public var matchingLabels: [String]
    /// The labels of `group_left(...)`/`group_right(...)` copied from the "one" side.
    public var include: [String]

    public init(cardinality: Cardinality = .oneToOne, on: Bool = false, matchingLabels: [String] = [], include: [String] = []) {
        self.cardinality = cardinality
        self.on = on
        self.matchingLabels = matchingLabels
        self.include = include
    }

    /// The modifier as Prometheus prints it between the operator and the right-hand
    /// side: ` on (a, b) group_left (c)`, or "" when nothing needs saying.
    public var description: String {
        var out = ""
        let grouped = cardinality == .manyToOne || cardinality == .oneToMany
        if !matchingLabels.isEmpty || on || grouped {
            out += (on ? " on (" : " ignoring (") + LabelNames.render(matchingLabels) + ")"
        }
        if grouped {
            out += (cardinality == .manyToOne ? " group_left (" : " group_right (") + LabelNames.render(include) + ")"
        }
        return out
    }
}
