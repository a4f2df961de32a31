import MeshMetrics

/// Samples, exemplars and metadata that are committed together: one scrape, or one
/// batch of an ingest request. Nothing in it is acknowledged before the commit returns.
public struct AppendBatch: Sendable {
    public struct Entry: Sendable {
        public var labels: Labels
        public var sample: Sample
        public var exemplar: Exemplar?

        public init(labels: Labels, sample: Sample, exemplar: Exemplar? = nil) {
            self.labels = labels
            self.sample = sample
            self.exemplar = exemplar
        }
    }

    public var entries: [Entry] = []
    public var metadata: [String: MetricMetadata] = [:]

    public init(entries: [Entry] = [], metadata: [String: MetricMetadata] = [:]) {
        self.entries = entries
        self.metadata = metadata
    }

    public mutating func append(_ labels: Labels, _ sample: Sample, exemplar: Exemplar? = nil) {
        entries.append(Entry(labels: labels, sample: sample, exemplar: exemplar))
    }
}

/// What a commit did with each entry, in Prometheus' terms.
public struct AppendSummary: Sendable, Equatable {
    public var appended = 0
    /// Same timestamp and same value as the last sample: silently dropped, as Prometheus does.
    public var duplicates = 0
    /// Same timestamp, different value ("duplicate sample for timestamp").
    public var conflicts = 0
    /// Older than the series' last sample ("out of order sample").
    public var outOfOrder = 0
    public var newSeries = 0

    public init() {}
}
