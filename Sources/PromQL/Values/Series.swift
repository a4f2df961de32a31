import MeshMetrics

/// One element of an instant vector: a label set and a float value at the evaluation time.
/// `dropName` records that a function or operator has removed the metric name, which
/// Prometheus 3 applies only when the value leaves the engine (delayed name removal).
public struct VectorElement: Sendable, Hashable {
    public var labels: Labels
    public var timestamp: Int64
    public var value: Double
    public var dropName: Bool

    public init(labels: Labels, timestamp: Int64, value: Double, dropName: Bool = false) {
        self.labels = labels
        self.timestamp = timestamp
        self.value = value
        self.dropName = dropName
    }
}

/// One series of a range vector or of a range query's result: labels and points in time order.
public struct MatrixSeries: Sendable, Hashable {
    public var labels: Labels
    public var points: [Sample]
    public var dropName: Bool

    public init(labels: Labels, points: [Sample], dropName: Bool = false) {
        self.labels = labels
        self.points = points
        self.dropName = dropName
    }
}
