/// A metric family as an exposition declared it (or implied it, by a sample of a
/// name without metadata: then its metadata is the default, type unknown).
public struct ParsedFamily: Hashable, Sendable {
    public var name: String
    public var metadata: MetricMetadata

    public init(name: String, metadata: MetricMetadata = MetricMetadata()) {
        self.name = name
        self.metadata = metadata
    }
}
