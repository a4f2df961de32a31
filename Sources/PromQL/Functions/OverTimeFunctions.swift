import MeshMetrics

/// The `*_over_time` family over the float points of one series in a range window
/// (staleness markers removed, time order). nil means no output element: Prometheus
/// drops series without float points from all of these.
public enum OverTimeFunctions {
    /// avg_over_time: Kahan-compensated sum divided by the count, switching to an
    /// incremental mean only once the sum would overflow (Prometheus 3, issue 16714).
    public static func avg(_ points: some SampleList) -> Double? {
        guard let first = points.first else { return nil }
        var sum = first.value, count = 1.0
        var mean = 0.0, kahanC = 0.0
        var incrementalMean = false
        for (i, point) in points.dropFirst().enumerated() {
            let f = point.value
            count = Double(i + 2)
            if !incrementalMean {
                let (newSum, newC) = KahanSum.inc(f, sum: sum, c: kahanC)
                if !newSum.isInfinite {
                    (sum, kahanC) = (newSum, newC)
                    continue
                }
                // The sum would overflow: continue as an incremental mean from here.
                incrementalMean = true
                mean = sum / (count - 1)
                kahanC /= count - 1
            }
            let q = (count - 1) / count
            (mean, kahanC) = KahanSum.inc(f / count, sum: q * mean, c: q * kahanC)
        }
        return incrementalMean ? mean + kahanC : sum / count + kahanC / count
    }

    /// sum_over_time: Kahan-compensated sum (the compensation is dropped once infinite).
    public static func sum(_ points: some SampleList) -> Double? {
        guard !points.isEmpty else { return nil }
        return KahanSum.sum(points.lazy.map(\.value))
    }

    /// count_over_time: number of points.
    public static func count(_ points: some SampleList) -> Double? {
        points.isEmpty ? nil : Double(points.count)
    }

    /// min_over_time: smallest value; NaN only when every value is NaN.
    public static func min(_ points: some SampleList) -> Double? {
        compare(points) { $0 < $1 || $1.isNaN }?.value
    }

    /// max_over_time: largest value; NaN only when every value is NaN.
    public static func max(_ points: some SampleList) -> Double? {
        compare(points) { $0 > $1 || $1.isNaN }?.value
    }

    /// ts_of_min_over_time: seconds timestamp of the last point holding the minimum.
    public static func timestampOfMin(_ points: some SampleList) -> Double? {
        compare(points) { $0 <= $1 || $1.isNaN }.map { Double($0.timestamp) / 1000 }
    }

    /// ts_of_max_over_time: seconds timestamp of the last point holding the maximum.
    public static func timestampOfMax(_ points: some SampleList) -> Double? {
        compare(points) { $0 >= $1 || $1.isNaN }.map { Double($0.timestamp) / 1000 }
    }

    /// Prometheus' `compareOverTime`: keeps the point for which `replaces(new, kept)` last held.
    private static func compare(_ points: some SampleList, replaces: (Double, Double) -> Bool) -> Sample? {
        guard var kept = points.first else { return nil }
        for point in points where replaces(point.value, kept.value) {
            kept = point
        }
        return kept
    }

    /// last_over_time: the newest value.
    public static func last(_ points: some SampleList) -> Double? { points.last?.value }

    /// first_over_time: the oldest value.
    public static func first(_ points: some SampleList) -> Double? { points.first?.value }

    /// ts_of_last_over_time: the newest point's timestamp in seconds.
    public static func timestampOfLast(_ points: some SampleList) -> Double? {
        points.last.map { Double($0.timestamp) / 1000 }
    }

    /// ts_of_first_over_time: the oldest point's timestamp in seconds.
    public static func timestampOfFirst(_ points: some SampleList) -> Double? {
        points.first.map { Double($0.timestamp) / 1000 }
    }

    /// present_over_time: 1 for any point.
    public static func present(_ points: some SampleList) -> Double? { points.isEmpty ? nil : 1 }

    /// quantile_over_time(φ, v): Prometheus' interpolated quantile of the values. Adds
    /// the invalid-quantile warning when φ is NaN or outside [0, 1] (the result is then
    /// NaN, -Inf or +Inf).
    public static func quantile(_ q: Double, _ points: some SampleList, annotations: inout FunctionAnnotations) -> Double? {
        guard !points.isEmpty else { return nil }
        annotations.add(.invalidQuantileIfNeeded(q))
        return Aggregations.quantile(q, points.map(\.value))
    }

    /// stdvar_over_time: population variance (Welford with Kahan compensation).
    public static func stdvar(_ points: some SampleList) -> Double? {
        guard !points.isEmpty else { return nil }
        var count = 0.0, mean = 0.0, cMean = 0.0, aux = 0.0, cAux = 0.0
        for point in points {
            let f = point.value
            count += 1
            let delta = f - (mean + cMean)
            (mean, cMean) = KahanSum.inc(delta / count, sum: mean, c: cMean)
            (aux, cAux) = KahanSum.inc(delta * (f - (mean + cMean)), sum: aux, c: cAux)
        }
        return (aux + cAux) / count
    }

    /// stddev_over_time: square root of stdvar_over_time.
    public static func stddev(_ points: some SampleList) -> Double? {
        stdvar(points).map { $0.squareRoot() }
    }

    /// mad_over_time: median of the absolute deviations from the median; any NaN value
    /// makes it NaN (Prometheus 3.14 propagates it instead of sorting it first).
    public static func mad(_ points: some SampleList) -> Double? {
        guard !points.isEmpty else { return nil }
        if points.contains(where: { $0.value.isNaN }) { return GoNumerics.nan }
        let median = Aggregations.quantile(0.5, points.map(\.value))
        return Aggregations.quantile(0.5, points.map { ($0.value - median).magnitude })
    }

    /// double_exponential_smoothing(v, sf, tf) (Holt linear): needs two points. Throws,
    /// as Prometheus fails the query, when sf or tf is outside (0, 1) — even for a
    /// series with fewer than two points. NaN passes Go's comparisons and yields NaN.
    public static func doubleExponentialSmoothing(
        _ points: some SampleList, smoothingFactor sf: Double, trendFactor tf: Double
    ) throws(FunctionError) -> Double? {
        if sf <= 0 || sf >= 1 {
            throw FunctionError("invalid smoothing factor. Expected: 0 < sf < 1, got: \(GoNumerics.formatPercentF(sf))")
        }
        if tf <= 0 || tf >= 1 {
            throw FunctionError("invalid trend factor. Expected: 0 < tf < 1, got: \(GoNumerics.formatPercentF(tf))")
        }
        guard points.count >= 2 else { return nil }
        var s0 = 0.0
        var s1 = points[0].value
        var b = points[1].value - points[0].value
        for i in 1..<points.count {
            let x = sf * points[i].value
            // calcTrendValue: the first step keeps the initial trend.
            if i - 1 != 0 {
                b = tf * (s1 - s0) + (1 - tf) * b
            }
            let y = (1 - sf) * (s1 + b)
            (s0, s1) = (s1, x + y)
        }
        return s1
    }

    /// The labels absent()/absent_over_time() give their single output element: the
    /// equality matchers' name/value pairs, except `__name__` and any name matched more
    /// than once or by another matcher kind (Prometheus' createLabelsForAbsentFunction).
    public static func absentLabels(matchers: [LabelMatcher]) -> Labels {
        var pairs: [String: String] = [:]
        var seen: Set<String> = []
        for matcher in matchers where matcher.name != Labels.metricName {
            if matcher.kind == .equal && !seen.contains(matcher.name) {
                pairs[matcher.name] = matcher.value
                seen.insert(matcher.name)
            } else {
                pairs[matcher.name] = nil
            }
        }
        return Labels(pairs)
    }
}
