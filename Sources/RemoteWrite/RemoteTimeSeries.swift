import MeshMetrics

/// One `prometheus.TimeSeries`: a label set (sent sorted by name, as remote write requires),
/// its samples and exemplars. Native histograms (field 4) are not modelled.
public struct RemoteTimeSeries: Hashable, Sendable {
    public var labels: Labels
    public var samples: [Sample]
    public var exemplars: [Exemplar]

    public init(labels: Labels, samples: [Sample] = [], exemplars: [Exemplar] = []) {
        self.labels = labels
        self.samples = samples
        self.exemplars = exemplars
    }

    /// Bitwise equality of values, so NaN stale markers compare equal to themselves.
    public func isIdentical(to other: RemoteTimeSeries) -> Bool {
        labels == other.labels
            && samples.count == other.samples.count
            && zip(samples, other.samples).allSatisfy { $0.isIdentical(to: $1) }
            && exemplars.count == other.exemplars.count
            && zip(exemplars, other.exemplars).allSatisfy {
                $0.labels == $1.labels && $0.timestamp == $1.timestamp
                    && $0.value.bitPattern == $1.value.bitPattern
            }
    }
}
