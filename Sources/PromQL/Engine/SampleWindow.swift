import MeshMetrics

/// Time-window selection over one series' sorted samples, with Prometheus 3 semantics.
enum SampleWindow {
    /// Index of the first sample with timestamp > `t` (binary search).
    static func firstIndex(after t: Int64, in points: [Sample]) -> Int {
        var low = 0, high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid].timestamp <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The instant-vector sample at `t`: the newest sample in (t - lookback, t], unless
    /// it is a staleness marker.
    static func instant(at t: Int64, lookback: Int64, in points: [Sample]) -> Sample? {
        let end = firstIndex(after: t, in: points)
        guard end > 0 else { return nil }
        let sample = points[end - 1]
        guard sample.timestamp > t - lookback, !sample.value.isStaleMarker else { return nil }
        return sample
    }

    /// Range-vector points in the left-open window (t - range, t], staleness markers removed.
    static func range(endingAt t: Int64, range: Int64, in points: [Sample]) -> [Sample] {
        let start = firstIndex(after: t - range, in: points)
        let end = firstIndex(after: t, in: points)
        guard start < end else { return [] }
        let window = points[start..<end]
        // Staleness markers are rare: copy the window whole unless one is in it.
        if !window.contains(where: { $0.value.isStaleMarker }) { return Array(window) }
        return window.filter { !$0.value.isStaleMarker }
    }
}
