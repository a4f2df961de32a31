import MeshMetrics

/// Range-vector functions over the float points of one series in a left-open window
/// (rangeStart, rangeEnd] (milliseconds), staleness markers already removed, sorted by
/// time. Each returns nil where Prometheus emits no element for the series.
public enum RangeFunctions {
    /// rate(v[r]): per-second increase with counter-reset correction and extrapolation.
    public static func rate(_ points: some SampleList, rangeStart: Int64, rangeEnd: Int64) -> Double? {
        extrapolatedRate(points, rangeStart: rangeStart, rangeEnd: rangeEnd, isCounter: true, isRate: true)
    }

    /// increase(v[r]): rate() times the range, without the division.
    public static func increase(_ points: some SampleList, rangeStart: Int64, rangeEnd: Int64) -> Double? {
        extrapolatedRate(points, rangeStart: rangeStart, rangeEnd: rangeEnd, isCounter: true, isRate: false)
    }

    /// delta(v[r]): extrapolated difference for gauges (no reset correction, no zero cut).
    public static func delta(_ points: some SampleList, rangeStart: Int64, rangeEnd: Int64) -> Double? {
        extrapolatedRate(points, rangeStart: rangeStart, rangeEnd: rangeEnd, isCounter: false, isRate: false)
    }

    /// Prometheus' `extrapolatedRate`: needs two points; extrapolates to each window edge
    /// when the first/last point lies within 1.1 average intervals of it (else by half an
    /// interval), and for counters never before the counter's extrapolated zero.
    public static func extrapolatedRate(
        _ points: some SampleList, rangeStart: Int64, rangeEnd: Int64, isCounter: Bool, isRate: Bool
    ) -> Double? {
        guard points.count > 1, let first = points.first, let last = points.last else { return nil }
        let numSamplesMinusOne = points.count - 1
        var result = last.value - first.value
        if isCounter {
            for i in 1..<points.count where points[i].value < points[i - 1].value {
                result += points[i - 1].value
            }
        }
        var durationToStart = Double(first.timestamp - rangeStart) / 1000
        var durationToEnd = Double(rangeEnd - last.timestamp) / 1000
        let sampledInterval = Double(last.timestamp - first.timestamp) / 1000
        let averageDurationBetweenSamples = sampledInterval / Double(numSamplesMinusOne)

        let extrapolationThreshold = averageDurationBetweenSamples * 1.1
        if durationToStart >= extrapolationThreshold {
            durationToStart = averageDurationBetweenSamples / 2
        }
        if isCounter {
            // A counter cannot go below zero: stop extrapolating where it would reach it.
            var durationToZero = durationToStart
            if result > 0 && first.value >= 0 {
                durationToZero = sampledInterval * (first.value / result)
            }
            if durationToZero < durationToStart {
                durationToStart = durationToZero
            }
        }
        if durationToEnd >= extrapolationThreshold {
            durationToEnd = averageDurationBetweenSamples / 2
        }
        var factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval
        if isRate {
            factor /= GoNumerics.seconds(milliseconds: rangeEnd - rangeStart)
        }
        return result * factor
    }

    /// irate(v[r]): per-second change between the last two points; after a counter
    /// reset the last value itself is the increase.
    public static func irate(_ points: some SampleList) -> Double? {
        instantValue(points, isRate: true)
    }

    /// idelta(v[r]): difference between the last two points.
    public static func idelta(_ points: some SampleList) -> Double? {
        instantValue(points, isRate: false)
    }

    private static func instantValue(_ points: some SampleList, isRate: Bool) -> Double? {
        guard points.count >= 2 else { return nil }
        let previous = points[points.count - 2], last = points[points.count - 1]
        let sampledInterval = last.timestamp - previous.timestamp
        guard sampledInterval != 0 else { return nil }
        var result = last.value
        // Gauge, counter without reset, or NaN (which never compares as a reset).
        if !isRate || !(last.value < previous.value) {
            result = last.value - previous.value
        }
        if isRate {
            result /= Double(sampledInterval) / 1000
        }
        return result
    }

    /// deriv(v[r]): least-squares slope per second, timestamps taken relative to the
    /// first point for precision (prometheus/prometheus#2674). Needs two points.
    public static func deriv(_ points: some SampleList) -> Double? {
        guard points.count >= 2 else { return nil }
        return linearRegression(points, interceptTime: points[0].timestamp).slope
    }

    /// predict_linear(v[r], t): the regression line's value `seconds` after the
    /// evaluation time (not the `@` time). Needs two points.
    public static func predictLinear(_ points: some SampleList, seconds: Double, evaluationTime: Int64) -> Double? {
        guard points.count >= 2 else { return nil }
        let (slope, intercept) = linearRegression(points, interceptTime: evaluationTime)
        return slope * seconds + intercept
    }

    /// Prometheus' `linearRegression`: Kahan-summed least squares with x in seconds
    /// relative to `interceptTime`; a constant series has slope 0 (NaN if it is ±Inf).
    public static func linearRegression(_ points: some SampleList, interceptTime: Int64) -> (slope: Double, intercept: Double) {
        var n = 0.0
        var sumX = 0.0, cX = 0.0, sumY = 0.0, cY = 0.0
        var sumXY = 0.0, cXY = 0.0, sumX2 = 0.0, cX2 = 0.0
        let initY = points[0].value
        var constY = true
        for (i, point) in points.enumerated() {
            if constY && i > 0 && point.value != initY { constY = false }
            n += 1
            let x = Double(point.timestamp - interceptTime) / 1e3
            (sumX, cX) = KahanSum.inc(x, sum: sumX, c: cX)
            (sumY, cY) = KahanSum.inc(point.value, sum: sumY, c: cY)
            (sumXY, cXY) = KahanSum.inc(x * point.value, sum: sumXY, c: cXY)
            (sumX2, cX2) = KahanSum.inc(x * x, sum: sumX2, c: cX2)
        }
        if constY {
            if initY.isInfinite { return (GoNumerics.nan, GoNumerics.nan) }
            return (0, initY)
        }
        sumX += cX
        sumY += cY
        sumXY += cXY
        sumX2 += cX2
        let covXY = sumXY - sumX * sumY / n
        let varX = sumX2 - sumX * sumX / n
        let slope = covXY / varX
        let intercept = sumY / n - slope * sumX / n
        return (slope, intercept)
    }

    /// changes(v[r]): how often the value changed (NaN to NaN is no change); nil when
    /// the window is empty.
    public static func changes(_ points: some SampleList) -> Double? {
        guard !points.isEmpty else { return nil }
        var count = 0
        for i in points.indices.dropFirst() {
            let previous = points[i - 1].value, current = points[i].value
            if current != previous && !(current.isNaN && previous.isNaN) { count += 1 }
        }
        return Double(count)
    }

    /// resets(v[r]): how often the value decreased; nil when the window is empty.
    public static func resets(_ points: some SampleList) -> Double? {
        guard !points.isEmpty else { return nil }
        var count = 0
        for i in points.indices.dropFirst() where points[i].value < points[i - 1].value {
            count += 1
        }
        return Double(count)
    }

    /// The info rate()/increase() raise for a float series whose metric name does not
    /// end in `_total`, `_sum`, `_count` or `_bucket`; nil when named like a counter or unnamed.
    public static func possibleNonCounterInfo(metricName: String?) -> FunctionAnnotation? {
        guard let name = metricName, !name.isEmpty else { return nil }
        // Byte-wise, as Go's strings.HasSuffix (Swift's hasSuffix compares graphemes).
        for suffix in ["_total", "_sum", "_count", "_bucket"]
        where name.utf8.reversed().starts(with: suffix.utf8.reversed()) {
            return nil
        }
        return .possibleNonCounter(metricName: name)
    }
}
