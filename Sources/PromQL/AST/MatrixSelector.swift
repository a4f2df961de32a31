/// A range vector selector, `selector[5m]`. Its `offset` and `@` modifiers live on the
/// inner vector selector, as in Prometheus, wherever they were written.
public struct MatrixSelector: Sendable, Hashable {
    public var vectorSelector: VectorSelector
    /// The range in milliseconds, always positive.
    public var range: Int64
    public var positionRange: PositionRange

    public init(vectorSelector: VectorSelector, range: Int64, positionRange: PositionRange = .init(start: 0, end: 0)) {
        self.vectorSelector = vectorSelector
        self.range = range
        self.positionRange = positionRange
    }

    public static func == (lhs: MatrixSelector, rhs: MatrixSelector) -> Bool {
        lhs.vectorSelector == rhs.vectorSelector && lhs.range == rhs.range
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(vectorSelector)
        hasher.combine(range)
    }
}
