import MeshMetrics

/// `prometheus.WriteRequest` of remote write 1.0: series and metric metadata.
public struct WriteRequest: Hashable, Sendable {
    public var timeseries: [RemoteTimeSeries]
    public var metadata: [RemoteMetadata]

    public init(timeseries: [RemoteTimeSeries] = [], metadata: [RemoteMetadata] = []) {
        self.timeseries = timeseries
        self.metadata = metadata
    }

    /// Bitwise equality of sample and exemplar values (stale markers included).
    public func isIdentical(to other: WriteRequest) -> Bool {
        metadata == other.metadata
            && timeseries.count == other.timeseries.count
            && zip(timeseries, other.timeseries).allSatisfy { $0.isIdentical(to: $1) }
    }
}
