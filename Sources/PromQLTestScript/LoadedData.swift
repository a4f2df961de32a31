import MeshMetrics

/// What the loads since the last `clear` hold, as far as scope decisions go: which
/// series carry native histograms (written as `{{...}}`, or made by `load_with_nhcb`)
/// and whether start timestamps are involved. Float data needs no tracking.
public struct LoadedData: Sendable, Hashable {
    /// Series with at least one `{{...}}` point.
    public var nativeHistogramSeries: Set<Labels> = []
    /// The native series `load_with_nhcb` derives from classic histograms: the base
    /// name (`x` for `x_bucket`, `x_count`, `x_sum`) with the other labels, minus `le`.
    public var customBucketSeries: Set<Labels> = []
    public var usesStartTimestamps = false

    public init() {}

    public var hasNativeHistograms: Bool { !nativeHistogramSeries.isEmpty || !customBucketSeries.isEmpty }

    public mutating func add(_ load: LoadCommand) {
        if load.usesStartTimestamps { usesStartTimestamps = true }
        for series in load.series {
            if series.hasNativeHistograms { nativeHistogramSeries.insert(series.labels) }
            if load.withNHCB, let converted = LoadedData.customBucketSeries(of: series.labels) {
                customBucketSeries.insert(converted)
            }
        }
    }

    public mutating func clear() {
        self = LoadedData()
    }

    /// Prometheus' `convertnhcb.GetHistogramMetricBase`: `x_bucket` (with a numeric
    /// `le`), `x_count` and `x_sum` all feed the native histogram `x`.
    static func customBucketSeries(of labels: Labels) -> Labels? {
        guard let name = labels.metricName else { return nil }
        var base: Substring?
        if name.hasSuffix("_bucket") {
            guard let le = labels["le"], let bound = GoNumber.parseFloat(le), !bound.isNaN else { return nil }
            base = name.dropLast("_bucket".count)
        } else if name.hasSuffix("_count") {
            base = name.dropLast("_count".count)
        } else if name.hasSuffix("_sum") {
            base = name.dropLast("_sum".count)
        }
        guard let base else { return nil }
        return labels.removing("le").setting(Labels.metricName, String(base))
    }
}
