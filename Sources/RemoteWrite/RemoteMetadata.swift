import MeshMetrics

/// One `prometheus.MetricMetadata`: TYPE, HELP and UNIT of a metric family.
public struct RemoteMetadata: Hashable, Sendable {
    public var familyName: String
    public var metadata: MetricMetadata

    public init(familyName: String, metadata: MetricMetadata) {
        self.familyName = familyName
        self.metadata = metadata
    }
}
