/// A whole exposition, collected: for tests and small scrapes. Bulk paths should use
/// `ExpositionParser.parse(_:format:into:)` with their own sink instead.
public struct ParsedExposition: Hashable, Sendable {
    /// Families in order of first appearance.
    public var families: [ParsedFamily]
    /// Samples in input order.
    public var samples: [CollectedSample]

    public init(families: [ParsedFamily] = [], samples: [CollectedSample] = []) {
        self.families = families
        self.samples = samples
    }

    public func family(named name: String) -> ParsedFamily? {
        families.first { $0.name == name }
    }

    public func metadata(for family: String) -> MetricMetadata? {
        self.family(named: family)?.metadata
    }
}
