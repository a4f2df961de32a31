/// What one load connection of `bench proxy` measured.
struct ProxyBenchConnectionResult: Sendable {
    /// Seconds per request after the warm-up, in order (empty unless latencies were kept).
    var latencies: [Double] = []
    /// Responses after the warm-up that arrived before the deadline.
    var completed = 0
    /// Non-200 answers (any time).
    var failures = 0
    var firstFailure: String?

    mutating func merge(_ other: ProxyBenchConnectionResult) {
        latencies += other.latencies
        completed += other.completed
        failures += other.failures
        firstFailure = firstFailure ?? other.firstFailure
    }
}
