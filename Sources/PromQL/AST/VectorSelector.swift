import MeshMetrics

/// An instant vector selector: `name`, `name{matchers}` or `{matchers}`.
public struct VectorSelector: Sendable, Hashable {
    /// The metric name written before the braces; nil for `{...}` alone, including
    /// `{"name"}`, where the name is only a matcher.
    public var name: String?
    /// Every matcher the series must satisfy. A name written before the braces is
    /// included as the last matcher (`__name__="name"`), as in Prometheus.
    public var matchers: [LabelMatcher]
    /// The `offset` modifier in milliseconds; negative looks ahead, 0 means none.
    public var offset: Int64
    public var at: AtModifier?
    /// From the name (or `{`) to the last character of the selector and its modifiers.
    public var positionRange: PositionRange

    public init(
        name: String? = nil, matchers: [LabelMatcher], offset: Int64 = 0, at: AtModifier? = nil,
        positionRange: PositionRange = .init(start: 0, end: 0)
    ) {
        self.name = name
        self.matchers = matchers
        self.offset = offset
        self.at = at
        self.positionRange = positionRange
    }

    /// Matchers compare as a set: the rendering sorts them, so order carries no meaning.
    public static func == (lhs: VectorSelector, rhs: VectorSelector) -> Bool {
        lhs.name == rhs.name && lhs.offset == rhs.offset && lhs.at == rhs.at
            && lhs.sortedMatcherKeys == rhs.sortedMatcherKeys
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(offset)
        hasher.combine(at)
        hasher.combine(sortedMatcherKeys)
    }

    private var sortedMatcherKeys: [String] {
        matchers.map { "\($0.name)\u{0}\($0.kind.rawValue)\u{0}\($0.value)" }.sorted()
    }
}
