/// When to try a failed delivery again: the state machine of Prometheus' remote-write
/// shards. The delay starts at `minimum`, doubles on each consecutive failure up to
/// `maximum`, and resets on success. A `Retry-After` from the receiver replaces the
/// computed delay, as in Prometheus, even above `maximum` (the receiver knows when it
/// can take data again), but never beyond `retryAfterLimit`, so a misbehaving receiver
/// cannot park the queue for hours. Pure: no clock, no sleeping.
public struct DeliveryBackoff: Sendable, Hashable {
    public let minimum: Duration
    public let maximum: Duration
    public static let retryAfterLimit = Duration.seconds(300)
    public private(set) var consecutiveFailures = 0
    private var current: Duration

    public init(minimum: Duration, maximum: Duration) {
        self.minimum = max(minimum, .milliseconds(1))
        self.maximum = max(maximum, self.minimum)
        current = self.minimum
    }

    /// Records a failed attempt and returns how long to wait before the next one.
    public mutating func failed(retryAfter: Duration? = nil) -> Duration {
        consecutiveFailures += 1
        let delay = retryAfter.map { min(max($0, .zero), Self.retryAfterLimit) } ?? current
        current = min(current * 2, maximum)
        return delay
    }

    /// A delivery went through: the next failure starts from `minimum` again.
    public mutating func succeeded() {
        consecutiveFailures = 0
        current = minimum
    }
}
