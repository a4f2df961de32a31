import MeshMetrics

/// rate/increase/delta/changes/resets with the experimental `anchored` and `smoothed`
/// range modifiers (Prometheus 3's extendedRate). Unlike the plain forms these take
/// points beyond the window: `points` holds the series' samples from the last one at
/// or before rangeStart (both modifiers) through the window, plus, for `smoothed`, the
/// first one at or after rangeEnd — sorted, staleness markers removed.
extension RangeFunctions {
    /// rate/increase/delta with `anchored` (smoothed: false) or `smoothed`: no
    /// extrapolation; the window edges take the sample at or before them (anchored) or
    /// the value interpolated between the neighbouring samples (smoothed), a counter
    /// being taken to restart from 0 when it decreases across an edge.
    public static func extendedRate(
        _ f: [Sample], rangeStart: Int64, rangeEnd: Int64, isCounter: Bool, isRate: Bool, smoothed: Bool
    ) -> Double? {
        guard !f.isEmpty else { return nil }
        var lastIndex = f.count - 1
        var firstIndex = Swift.max(0, search(lastIndex) { f[$0].timestamp > rangeStart } - 1)
        if smoothed {
            lastIndex = search(lastIndex) { f[$0].timestamp >= rangeEnd }
        }
        if f[lastIndex].timestamp <= rangeStart { return nil }
        if smoothed && f[firstIndex].timestamp > rangeEnd { return nil }

        let left = smoothed && f[firstIndex].timestamp < rangeStart
            ? interpolate(f[firstIndex], f[firstIndex + 1], at: rangeStart, isCounter: isCounter)
            : f[firstIndex].value
        let right = smoothed && lastIndex > 0 && f[lastIndex].timestamp > rangeEnd
            ? interpolate(f[lastIndex - 1], f[lastIndex], at: rangeEnd, isCounter: isCounter)
            : f[lastIndex].value
        var result = right - left
        if isCounter {
            // Only samples strictly inside the window are checked for resets here: the
            // edge values above already account for resets across the edges.
            if f[firstIndex].timestamp <= rangeStart { firstIndex += 1 }
            if f[lastIndex].timestamp >= rangeEnd { lastIndex -= 1 }
            var previous = left
            if firstIndex <= lastIndex {
                for point in f[firstIndex...lastIndex] {
                    if point.value < previous { result += previous }
                    previous = point.value
                }
            }
            if right < previous { result += previous }
        }
        if isRate {
            result /= GoNumerics.seconds(milliseconds: rangeEnd - rangeStart)
        }
        return result
    }

    /// changes(v[r] anchored): counts from the last sample at or before rangeStart;
    /// nil when no sample lies inside the window.
    public static func anchoredChanges(_ points: [Sample], rangeStart: Int64) -> Double? {
        anchoredFirstIndex(points, rangeStart: rangeStart).flatMap { changes(Array(points[$0...])) }
    }

    /// resets(v[r] anchored): counts from the last sample at or before rangeStart;
    /// nil when no sample lies inside the window.
    public static func anchoredResets(_ points: [Sample], rangeStart: Int64) -> Double? {
        anchoredFirstIndex(points, rangeStart: rangeStart).flatMap { resets(Array(points[$0...])) }
    }

    /// Prometheus' `pickFirstSampleIndex` for anchored selectors.
    private static func anchoredFirstIndex(_ points: [Sample], rangeStart: Int64) -> Int? {
        guard let last = points.last, last.timestamp > rangeStart else { return nil }
        return Swift.max(0, search(points.count - 1) { points[$0].timestamp > rangeStart } - 1)
    }

    /// Linear interpolation at `t`; a counter that decreased restarts from 0.
    private static func interpolate(_ p1: Sample, _ p2: Sample, at t: Int64, isCounter: Bool) -> Double {
        var y1 = p1.value
        let y2 = p2.value
        if isCounter && y2 < y1 { y1 = 0 }
        return y1 + (y2 - y1) * Double(t - p1.timestamp) / Double(p2.timestamp - p1.timestamp)
    }

    /// Go's `sort.Search(n, predicate)`: the first index in 0..<n where it holds, or n.
    private static func search(_ n: Int, _ predicate: (Int) -> Bool) -> Int {
        var low = 0, high = n
        while low < high {
            let mid = Int(UInt(low + high) >> 1)
            if predicate(mid) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
