import MeshMetrics

/// A non-fatal note raised by a function, worded exactly as Prometheus words it
/// (`PromQL info: ...`). The evaluator appends the argument's position (` (1:7)`).
public struct FunctionAnnotation: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable { case warning, info }

    public var kind: Kind
    /// Full text with the `PromQL warning: ` / `PromQL info: ` prefix, without position.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message as the HTTP API shows it, with `(line:column)` when one is known.
    public func rendered(position: String?) -> String {
        guard let position else { return message }
        return "\(message) (\(position))"
    }

    public var description: String { message }

    static func warning(_ text: String) -> FunctionAnnotation { FunctionAnnotation(.warning, "PromQL warning: " + text) }
    static func info(_ text: String) -> FunctionAnnotation { FunctionAnnotation(.info, "PromQL info: " + text) }

    /// Prometheus' `maybeAddMetricName`: ` for metric name "x"` unless the name is empty.
    static func forMetric(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "" }
        return " for metric name " + GoNumerics.quote(name)
    }
}

extension FunctionAnnotation {
    /// `quantile value should be between 0 and 1, got %g` (quantile, quantile_over_time, histogram_quantile).
    public static func invalidQuantile(_ q: Double) -> FunctionAnnotation {
        .warning("quantile value should be between 0 and 1, got " + GoFloatFormat.string(q))
    }

    /// The invalid-quantile warning when `q` is NaN or outside [0, 1], else nil.
    public static func invalidQuantileIfNeeded(_ q: Double) -> FunctionAnnotation? {
        q.isNaN || q < 0 || q > 1 ? invalidQuantile(q) : nil
    }

    /// `ratio value should be between -1 and 1, got %g, capping to %g` (limit_ratio).
    public static func invalidRatio(_ ratio: Double, cappedTo: Double) -> FunctionAnnotation {
        .warning("ratio value should be between -1 and 1, got \(GoFloatFormat.string(ratio)), capping to \(GoFloatFormat.string(cappedTo))")
    }

    /// A classic histogram bucket whose `le` label is missing or does not parse.
    public static func badBucketLabel(metricName: String?, value: String) -> FunctionAnnotation {
        .warning("bucket label \"le\" is missing or has a malformed value of \(GoNumerics.quote(value))" + forMetric(metricName))
    }

    /// rate()/increase() on a float series whose name lacks a counter suffix.
    public static func possibleNonCounter(metricName: String) -> FunctionAnnotation {
        .info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: " + GoNumerics.quote(metricName))
    }

    /// histogram_quantile had to raise decreasing classic bucket counts.
    public static func histogramQuantileForcedMonotonicity(metricName: String?) -> FunctionAnnotation {
        .info("input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)" + forMetric(metricName))
    }

    /// An aggregation operator skipped a native histogram (`ignored histogram in max aggregation`).
    public static func histogramIgnoredInAggregation(_ op: String) -> FunctionAnnotation {
        .info("ignored histogram in \(op) aggregation")
    }

    /// A range function skipped the histograms of a range that also has floats.
    public static func histogramIgnoredInMixedRange(metricName: String) -> FunctionAnnotation {
        .info("ignored histograms in a range containing both floats and histograms for metric name " + GoNumerics.quote(metricName))
    }

    /// A function that cannot combine floats and histograms met both in one range.
    public static func mixedFloatsHistograms(metricName: String) -> FunctionAnnotation {
        .warning("encountered a mix of histograms and floats for metric name " + GoNumerics.quote(metricName))
    }

    /// An aggregation met both floats and histograms in one group.
    public static var mixedFloatsHistogramsInAggregation: FunctionAnnotation {
        .warning("encountered a mix of histograms and floats for aggregation")
    }

    /// histogram_quantile/histogram_fraction met classic and native histograms of one series.
    public static func mixedClassicNativeHistograms(metricName: String?) -> FunctionAnnotation {
        .warning("vector contains a mix of classic and native histograms" + forMetric(metricName))
    }
}

/// Annotations collected while evaluating one call, deduplicated by text as Prometheus'
/// `annotations.Annotations` map is, in the order first raised.
public struct FunctionAnnotations: Sendable, Hashable, Sequence {
    public private(set) var items: [FunctionAnnotation] = []

    public init() {}

    public mutating func add(_ annotation: FunctionAnnotation?) {
        guard let annotation, !items.contains(annotation) else { return }
        items.append(annotation)
    }

    public mutating func merge(_ other: FunctionAnnotations) {
        other.items.forEach { add($0) }
    }

    public var isEmpty: Bool { items.isEmpty }
    public var warnings: [FunctionAnnotation] { items.filter { $0.kind == .warning } }
    public var infos: [FunctionAnnotation] { items.filter { $0.kind == .info } }

    public func makeIterator() -> IndexingIterator<[FunctionAnnotation]> { items.makeIterator() }
}

/// A failure Prometheus reports as a query error (it panics with an error inside the
/// engine): bad regex, invalid label name, NaN parameter, bad smoothing factor.
public struct FunctionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
