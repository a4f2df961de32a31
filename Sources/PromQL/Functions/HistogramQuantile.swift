/// One bucket of a classic histogram: the `le` bound and its cumulative count.
public struct ClassicBucket: Sendable, Hashable {
    public var upperBound: Double
    public var count: Double

    public init(upperBound: Double, count: Double) {
        self.upperBound = upperBound
        self.count = count
    }
}

/// What histogram_quantile had to repair in a classic histogram's buckets. The bounds
/// and difference describe the decreases that were raised (for Prometheus' detailed
/// info annotation); they are 0 when the repair pass did not run and ±Inf when it ran
/// without raising anything.
public struct MonotonicityFix: Sendable, Hashable {
    /// A count decreased from one bucket to the next and was raised.
    public var forcedMonotonic = false
    /// A numerically insignificant difference (relative 1e-12) was ignored.
    public var fixedPrecision = false
    /// Lowest upper bound whose count was raised.
    public var minBucket = 0.0
    /// Highest upper bound whose count was raised.
    public var maxBucket = 0.0
    /// Largest decrease that was removed.
    public var maxDiff = 0.0

    public init() {}
}

/// The classic-bucket algorithms of Prometheus' quantile.go: BucketQuantile and
/// BucketFraction with their coalescing and monotonicity repair.
public enum BucketAlgorithms {
    /// Relative difference between neighbouring cumulative counts that is treated as
    /// floating-point noise rather than a real decrease.
    public static let smallDeltaTolerance = 1e-12

    /// Prometheus' `BucketQuantile`: φ-quantile by linear interpolation within the
    /// bucket holding rank φ·count, with a lower bound of 0 for the first bucket when
    /// its bound is positive (else that bound itself), and the second-highest bound
    /// when the rank falls in the +Inf bucket. NaN φ → NaN, φ < 0 → -Inf, φ > 1 → +Inf;
    /// no +Inf bucket, fewer than two distinct bounds, or no observations → NaN.
    public static func bucketQuantile(_ q: Double, _ input: [ClassicBucket]) -> (value: Double, fix: MonotonicityFix) {
        if q.isNaN { return (GoNumerics.nan, MonotonicityFix()) }
        if q < 0 { return (-.infinity, MonotonicityFix()) }
        if q > 1 { return (.infinity, MonotonicityFix()) }
        var buckets = input.sorted { $0.upperBound < $1.upperBound }
        guard let highest = buckets.last, highest.upperBound == .infinity else {
            return (GoNumerics.nan, MonotonicityFix())
        }
        buckets = coalesce(buckets)
        let fix = ensureMonotonicAndIgnoreSmallDeltas(&buckets, tolerance: smallDeltaTolerance)
        guard buckets.count >= 2 else { return (GoNumerics.nan, fix) }
        let observations = buckets[buckets.count - 1].count
        guard observations != 0 else { return (GoNumerics.nan, fix) }
        var rank = q * observations
        // sort.Search over all but the +Inf bucket.
        var low = 0, high = buckets.count - 1
        while low < high {
            let mid = Int(UInt(low + high) >> 1)
            if buckets[mid].count >= rank { high = mid } else { low = mid + 1 }
        }
        let b = low
        if b == buckets.count - 1 { return (buckets[buckets.count - 2].upperBound, fix) }
        if b == 0 && buckets[0].upperBound <= 0 { return (buckets[0].upperBound, fix) }
        var bucketStart = 0.0
        let bucketEnd = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            bucketStart = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return (bucketStart + (bucketEnd - bucketStart) * (rank / count), fix)
    }

    /// Prometheus' `BucketFraction`: the fraction of observations between `lower` and
    /// `upper`, interpolating linearly inside finite buckets; the first bucket starts
    /// at 0 if its bound is positive (else at -Inf) and infinite-width buckets add
    /// nothing. NaN without a +Inf bucket, without observations, or for a NaN bound;
    /// 0 when lower ≥ upper. Counts are not made monotonic here.
    public static func bucketFraction(lower: Double, upper: Double, _ input: [ClassicBucket]) -> Double {
        var buckets = input.sorted { $0.upperBound < $1.upperBound }
        guard let highest = buckets.last, highest.upperBound == .infinity else { return GoNumerics.nan }
        buckets = coalesce(buckets)
        let count = buckets[buckets.count - 1].count
        if count == 0 || lower.isNaN || upper.isNaN { return GoNumerics.nan }
        if lower >= upper { return 0 }

        var rank = 0.0, lowerRank = 0.0, upperRank = 0.0
        var lowerSet = false, upperSet = false
        var lowerBound = buckets[0].upperBound <= 0 ? -Double.infinity : 0
        for (i, bucket) in buckets.enumerated() {
            if i > 0 { lowerBound = buckets[i - 1].upperBound }
            let upperBound = bucket.upperBound
            // Cumulative counts: the bucket's own weight is `count - rank`.
            func interpolateLinearly(_ v: Double) -> Double {
                if lowerBound == -.infinity { return bucket.count }
                return rank + (bucket.count - rank) * (v - lowerBound) / (upperBound - lowerBound)
            }
            if !lowerSet && lowerBound >= lower { lowerRank = rank; lowerSet = true }
            if !upperSet && lowerBound >= upper { upperRank = rank; upperSet = true }
            if lowerSet && upperSet { break }
            if !lowerSet && lowerBound < lower && upperBound > lower {
                lowerRank = interpolateLinearly(lower)
                lowerSet = true
            }
            if !upperSet && lowerBound < upper && upperBound > upper {
                upperRank = interpolateLinearly(upper)
                upperSet = true
            }
            if lowerSet && upperSet { break }
            rank = bucket.count
        }
        if !lowerSet || lowerRank > count { lowerRank = count }
        if !upperSet || upperRank > count { upperRank = count }
        return (upperRank - lowerRank) / count
    }

    /// Merges sorted buckets with equal bounds (`le="0.2"` and `le="2e-1"`) by adding counts.
    static func coalesce(_ buckets: [ClassicBucket]) -> [ClassicBucket] {
        var out: [ClassicBucket] = []
        var last = buckets[0]
        for bucket in buckets.dropFirst() {
            if bucket.upperBound == last.upperBound {
                last.count += bucket.count
            } else {
                out.append(last)
                last = bucket
            }
        }
        out.append(last)
        return out
    }

    /// Prometheus' `ensureMonotonicAndIgnoreSmallDeltas`: first absorbs relative
    /// differences within `tolerance` in either direction, then raises any decrease to
    /// the last accepted count (which is not advanced by either correction).
    static func ensureMonotonicAndIgnoreSmallDeltas(_ buckets: inout [ClassicBucket], tolerance: Double) -> MonotonicityFix {
        var fix = MonotonicityFix()
        fix.minBucket = .infinity
        fix.maxBucket = -.infinity
        var previous = buckets[0].count
        for i in buckets.indices.dropFirst() {
            let current = buckets[i].count
            if current == previous { continue }
            if GoNumerics.almostEqual(previous, current, epsilon: tolerance) {
                buckets[i].count = previous
                fix.fixedPrecision = true
                continue
            }
            if current < previous {
                buckets[i].count = previous
                fix.forcedMonotonic = true
                fix.minBucket = Swift.min(fix.minBucket, buckets[i].upperBound)
                fix.maxBucket = Swift.max(fix.maxBucket, buckets[i].upperBound)
                fix.maxDiff = Swift.max(fix.maxDiff, previous - current)
                continue
            }
            previous = current
        }
        return fix
    }
}
