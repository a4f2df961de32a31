/// An OpenMetrics exemplar: a sample of one event (often carrying a `trace_id`)
/// attached to a counter or histogram bucket sample.
public struct Exemplar: Hashable, Sendable {
    public var labels: Labels
    public var value: Double
    /// Milliseconds since the epoch, when the exposition gave one.
    public var timestamp: Int64?

    public init(labels: Labels, value: Double, timestamp: Int64?) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}
