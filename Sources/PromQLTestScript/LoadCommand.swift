import MeshMetrics

/// A `load` block: series with one value per `interval`, starting at time 0.
public struct LoadCommand: Sendable, Hashable {
    /// 1-based line of the `load` line.
    public var line: Int
    /// Milliseconds between consecutive values.
    public var interval: Int64
    /// `load_with_nhcb`: Prometheus also converts classic histograms to native ones
    /// with custom buckets. Only the float series are loaded here.
    public var withNHCB: Bool
    /// In file order; a repeated label set replaces the earlier line (as in promqltest).
    public var series: [SeriesDescription]
    /// A standalone `@st` line: start-timestamp offsets for every series without its own.
    public var defaultStartTimestampOffsets: [Int64?]?

    public init(line: Int, interval: Int64, withNHCB: Bool = false, series: [SeriesDescription] = []) {
        self.line = line
        self.interval = interval
        self.withNHCB = withNHCB
        self.series = series
    }

    public var hasNativeHistograms: Bool { series.contains(where: \.hasNativeHistograms) }

    public var usesStartTimestamps: Bool {
        defaultStartTimestampOffsets != nil || series.contains { $0.startTimestampOffsets != nil }
    }

    /// What the engine loads: every series' float samples (`_` and `{{...}}` points
    /// left out, `stale` as `StaleNaN.value`). Series left without samples (only
    /// histograms or blanks) are dropped, as Prometheus would store nothing for them;
    /// evals that could see histogram points are skipped by `ScopeFilter`.
    public func floatSeries() -> [(labels: Labels, samples: [Sample])] {
        series.compactMap { description in
            let samples = description.samples(interval: interval)
            return samples.isEmpty ? nil : (description.labels, samples)
        }
    }

    /// Adds a series, replacing an earlier one with the same labels in place.
    mutating func add(_ description: SeriesDescription) {
        if let existing = series.firstIndex(where: { $0.labels == description.labels }) {
            series[existing] = description
        } else {
            series.append(description)
        }
    }
}
