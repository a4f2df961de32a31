import MeshMetrics

/// The buckets of one classic histogram found in an instant vector: every element with
/// the same labels apart from `le` (the metric name included, as under Prometheus 3's
/// delayed name removal).
public struct ClassicHistogram: Sendable, Hashable {
    /// The shared labels, without `le`.
    public var labels: Labels
    public var timestamp: Int64
    public var buckets: [ClassicBucket]

    public init(labels: Labels, timestamp: Int64, buckets: [ClassicBucket]) {
        self.labels = labels
        self.timestamp = timestamp
        self.buckets = buckets
    }
}

/// histogram_quantile, histogram_quantiles and histogram_fraction over the float
/// (classic-bucket) elements of an instant vector. Results carry the group's labels
/// without `le` and `dropName` set; groups come out in first-seen order (Prometheus
/// iterates a map, so its order is unspecified).
public enum ClassicHistograms {
    /// Groups elements by labels minus `le`, parsing `le` as Go's ParseFloat does. An
    /// element whose `le` is missing or malformed is skipped with a warning.
    public static func group(_ elements: [VectorElement], annotations: inout FunctionAnnotations) -> [ClassicHistogram] {
        var histograms: [ClassicHistogram] = []
        var index: [Labels: Int] = [:]
        for element in elements {
            let le = element.labels["le"] ?? ""
            guard let upperBound = parseUpperBound(le) else {
                annotations.add(.badBucketLabel(metricName: element.labels.metricName, value: le))
                continue
            }
            let labels = element.labels.removing("le")
            let bucket = ClassicBucket(upperBound: upperBound, count: element.value)
            if let at = index[labels] {
                histograms[at].buckets.append(bucket)
            } else {
                index[labels] = histograms.count
                histograms.append(ClassicHistogram(labels: labels, timestamp: element.timestamp, buckets: [bucket]))
            }
        }
        return histograms
    }

    /// A bucket bound as Prometheus reads `le`: Go's `strconv.ParseFloat`, so `+Inf`,
    /// `inf`, `1e0`, `.2` and `0x1p-2` parse; nil for anything Go rejects.
    public static func parseUpperBound(_ le: String) -> Double? {
        GoNumerics.parseFloat(le)
    }

    /// histogram_quantile(φ, v): one element per classic histogram. Warns once for an
    /// invalid φ (even on an empty vector) and adds the forced-monotonicity info, named
    /// after the histogram's metric, when decreasing bucket counts had to be raised.
    public static func histogramQuantile(
        _ q: Double, _ elements: [VectorElement], annotations: inout FunctionAnnotations
    ) -> [VectorElement] {
        annotations.add(.invalidQuantileIfNeeded(q))
        return group(elements, annotations: &annotations).map { histogram in
            element(histogram, quantile(q, histogram, annotations: &annotations))
        }
    }

    /// histogram_quantiles(v, label, φ...): for each φ in turn, one element per
    /// histogram with `label` set to φ as OpenMetrics writes floats (`0.0`, `0.25`, `1.0`).
    public static func histogramQuantiles(
        _ elements: [VectorElement], label: String, quantiles: [Double], annotations: inout FunctionAnnotations
    ) -> [VectorElement] {
        quantiles.forEach { annotations.add(.invalidQuantileIfNeeded($0)) }
        let histograms = group(elements, annotations: &annotations)
        var out: [VectorElement] = []
        for q in quantiles {
            let text = formatOpenMetricsFloat(q)
            for histogram in histograms {
                var result = element(histogram, quantile(q, histogram, annotations: &annotations))
                result.labels = result.labels.setting(label, text)
                out.append(result)
            }
        }
        return out
    }

    /// histogram_fraction(lower, upper, v): one element per classic histogram.
    public static func histogramFraction(
        lower: Double, upper: Double, _ elements: [VectorElement], annotations: inout FunctionAnnotations
    ) -> [VectorElement] {
        group(elements, annotations: &annotations).map { histogram in
            element(histogram, BucketAlgorithms.bucketFraction(lower: lower, upper: upper, histogram.buckets))
        }
    }

    private static func quantile(_ q: Double, _ histogram: ClassicHistogram, annotations: inout FunctionAnnotations) -> Double {
        let (value, fix) = BucketAlgorithms.bucketQuantile(q, histogram.buckets)
        if fix.forcedMonotonic {
            annotations.add(.histogramQuantileForcedMonotonicity(metricName: histogram.labels.metricName))
        }
        return value
    }

    private static func element(_ histogram: ClassicHistogram, _ value: Double) -> VectorElement {
        VectorElement(labels: histogram.labels, timestamp: histogram.timestamp, value: value, dropName: true)
    }

    /// Prometheus' `labels.FormatOpenMetricsFloat`: `1.0`, `0.0`, `-1.0`, `NaN`, `±Inf`,
    /// otherwise Go's %g with `.0` appended when there is neither a point nor an exponent.
    public static func formatOpenMetricsFloat(_ value: Double) -> String {
        switch value {
        case 1: return "1.0"
        case 0: return "0.0"
        case -1: return "-1.0"
        default: break
        }
        let text = GoFloatFormat.string(value)
        if value.isNaN || value.isInfinite || text.contains(".") || text.contains("e") { return text }
        return text + ".0"
    }
}
