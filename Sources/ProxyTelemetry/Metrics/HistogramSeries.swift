/// One histogram series: per-bucket (non-cumulative) counts, sum, count, and the latest
/// exemplar that fell into each bucket.
struct HistogramSeries: Sendable {
    /// One slot per bound plus the `+Inf` bucket.
    private(set) var counts: [UInt64]
    private(set) var sum: Double = 0
    private(set) var count: UInt64 = 0
    private(set) var exemplars: [MetricExemplar?]

    init(bucketCount: Int) {
        counts = Array(repeating: 0, count: bucketCount + 1)
        exemplars = Array(repeating: nil, count: bucketCount + 1)
    }

    /// Index of the bucket `value` belongs to: the first bound it does not exceed
    /// (Prometheus' `le` is inclusive).
    static func bucketIndex(_ value: Double, bounds: [Double]) -> Int {
        for (i, bound) in bounds.enumerated() where value <= bound { return i }
        return bounds.count
    }

    mutating func observe(_ value: Double, bounds: [Double], exemplar: MetricExemplar?) {
        let i = Self.bucketIndex(value, bounds: bounds)
        counts[i] += 1
        sum += value
        count += 1
        if let exemplar { exemplars[i] = exemplar }
    }

    /// Counts as the exposition wants them: each bucket includes all below it.
    var cumulative: [UInt64] {
        var running: UInt64 = 0
        return counts.map { running += $0; return running }
    }
}

/// An OpenMetrics exemplar: the trace of one request that landed in a bucket.
struct MetricExemplar: Sendable, Hashable {
    var traceId: String
    var spanId: String
    var value: Double
    /// Epoch microseconds.
    var timestampMicros: Int64
}
