/// When a chunk is cut, as in Prometheus' head: 120 samples, or 2 hours of data.
public enum ChunkLimits {
    public static let maxSamples = 120
    public static let maxSpanMilliseconds: Int64 = 2 * 60 * 60 * 1000

    static func isFull(count: Int, minTime: Int64?, next timestamp: Int64) -> Bool {
        guard let minTime else { return false }
        return count >= maxSamples || timestamp &- minTime >= maxSpanMilliseconds
    }
}
