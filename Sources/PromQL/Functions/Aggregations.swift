import MeshMetrics

/// The value aggregations of PromQL (the ones producing one element per group).
public enum AggregationOperator: String, Sendable, Hashable, CaseIterable {
    case sum, avg, count, group, min, max, stddev, stdvar, quantile
}

/// One group's running aggregation over float values, fed in input order, exactly as
/// Prometheus' `groupedAggregation` accumulates it: Kahan sums, a direct mean that
/// switches to an incremental one on overflow, and Welford's variance.
public struct FloatAggregation: Sendable, Hashable {
    public let op: AggregationOperator
    /// How many values have been added.
    public private(set) var count: Int = 1

    private var floatValue: Double
    private var floatMean: Double
    private var kahanC = 0.0
    private var groupCount = 1.0
    private var incrementalMean = false
    private var values: [Double] = []

    /// Starts a group with its first value.
    public init(_ op: AggregationOperator, first f: Double) {
        self.op = op
        floatValue = f
        floatMean = f
        switch op {
        case .stddev, .stdvar: floatValue = f.isNaN || f.isInfinite ? GoNumerics.nan : 0
        case .quantile: values = [f]
        case .group: floatValue = 1
        default: break
        }
    }

    /// Adds the next value of the group.
    public mutating func add(_ f: Double) {
        count += 1
        switch op {
        case .sum:
            (floatValue, kahanC) = KahanSum.inc(f, sum: floatValue, c: kahanC)
        case .avg:
            addToMean(f)
        case .group:
            break
        case .max:
            if floatValue < f || floatValue.isNaN { floatValue = f }
        case .min:
            if floatValue > f || floatValue.isNaN { floatValue = f }
        case .count:
            groupCount += 1
        case .stddev, .stdvar:
            groupCount += 1
            let delta = f - floatMean
            floatMean += delta / groupCount
            floatValue += delta * (f - floatMean)
        case .quantile:
            values.append(f)
        }
    }

    private mutating func addToMean(_ f: Double) {
        groupCount += 1
        if !incrementalMean {
            let (newV, newC) = KahanSum.inc(f, sum: floatValue, c: kahanC)
            if !newV.isInfinite {
                (floatValue, kahanC) = (newV, newC)
                return
            }
            // The sum would overflow: continue as an incremental mean from here.
            incrementalMean = true
            floatMean = floatValue / (groupCount - 1)
            kahanC /= groupCount - 1
        }
        if floatMean.isInfinite {
            // Inf - Inf would turn a correct infinite mean into NaN.
            if f.isInfinite && (floatMean > 0) == (f > 0) { return }
            if !f.isInfinite && !f.isNaN { return }
        }
        let currentMean = floatMean + kahanC
        // Each side of the `-` is divided separately to avoid overflow.
        (floatMean, kahanC) = KahanSum.inc(f / groupCount - currentMean / groupCount, sum: floatMean, c: kahanC)
    }

    /// The group's result; `quantile` is φ for the quantile operator.
    public func result(quantile q: Double = GoNumerics.nan) -> Double {
        switch op {
        case .sum: return floatValue + kahanC
        case .avg: return incrementalMean ? floatMean + kahanC : (floatValue + kahanC) / groupCount
        case .count: return groupCount
        case .stdvar: return floatValue / groupCount
        case .stddev: return (floatValue / groupCount).squareRoot()
        case .quantile: return Aggregations.quantile(q, values)
        case .group, .min, .max: return floatValue
        }
    }
}

/// Whole-group conveniences over `FloatAggregation`, the shared `quantile`, and the
/// `by`/`without` output labels. Each returns nil for an empty group (no output).
public enum Aggregations {
    /// Aggregates `values` (in input order) with `op`; `q` is φ for quantile.
    public static func aggregate(_ op: AggregationOperator, _ values: [Double], quantile q: Double = GoNumerics.nan) -> Double? {
        guard let first = values.first else { return nil }
        var group = FloatAggregation(op, first: first)
        for value in values.dropFirst() { group.add(value) }
        return group.result(quantile: q)
    }

    /// sum: Kahan-compensated; ±Inf stays ±Inf, Inf + -Inf is NaN.
    public static func sum(_ values: [Double]) -> Double? { aggregate(.sum, values) }
    /// avg: direct mean, incremental only after overflow, with Prometheus' Inf handling.
    public static func avg(_ values: [Double]) -> Double? { aggregate(.avg, values) }
    /// min: NaN only if every value is NaN.
    public static func min(_ values: [Double]) -> Double? { aggregate(.min, values) }
    /// max: NaN only if every value is NaN.
    public static func max(_ values: [Double]) -> Double? { aggregate(.max, values) }
    /// count: number of values.
    public static func count(_ values: [Double]) -> Double? { aggregate(.count, values) }
    /// group: 1.
    public static func group(_ values: [Double]) -> Double? { aggregate(.group, values) }
    /// stddev: population standard deviation (Welford); NaN once a NaN or ±Inf is seen.
    public static func stddev(_ values: [Double]) -> Double? { aggregate(.stddev, values) }
    /// stdvar: population variance (Welford).
    public static func stdvar(_ values: [Double]) -> Double? { aggregate(.stdvar, values) }

    /// Prometheus' `quantile(q, values)`: NaN for no values or NaN φ, -Inf for φ < 0,
    /// +Inf for φ > 1; otherwise linear interpolation between the two ranks around
    /// φ·(n-1) of the values sorted with NaN first (Go's sort, so NaNs land as there).
    public static func quantile(_ q: Double, _ values: [Double]) -> Double {
        if values.isEmpty || q.isNaN { return GoNumerics.nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        var sorter = GoSort(values, less: GoSort<Double>.valueLess)
        sorter.sort()
        let sorted = sorter.data
        let n = Double(sorted.count)
        let rank = q * (n - 1)
        let lowerIndex = GoNumerics.max(0, rank.rounded(.down))
        let upperIndex = GoNumerics.min(n - 1, lowerIndex + 1)
        let weight = rank - rank.rounded(.down)
        return sorted[Int(lowerIndex)] * (1 - weight) + sorted[Int(upperIndex)] * weight
    }

    /// The output labels of a group (Prometheus' generateGroupingLabels): `without`
    /// drops the listed labels and `__name__`; `by` keeps only the listed ones; no
    /// grouping gives the empty label set.
    public static func groupingLabels(_ labels: Labels, grouping: [String], without: Bool) -> Labels {
        if without {
            let dropped = Set(grouping).union([Labels.metricName])
            return Labels(labels.pairs.filter { !dropped.contains($0.name) })
        }
        guard !grouping.isEmpty else { return Labels([]) }
        let kept = Set(grouping)
        return Labels(labels.pairs.filter { kept.contains($0.name) })
    }
}
