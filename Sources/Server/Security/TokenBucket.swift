/// A token bucket: `capacity` requests at once, refilled at `ratePerSecond`. Pure: the
/// caller passes the time, so tests need neither sockets nor sleeps.
public struct TokenBucket: Sendable, Equatable {
    public let capacity: Double
    public let ratePerSecond: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Double

    /// Starts full: a new client may burst at once.
    public init(capacity: Int, ratePerSecond: Int, now: Double) {
        self.capacity = Double(max(1, capacity))
        self.ratePerSecond = Double(max(1, ratePerSecond))
        self.tokens = self.capacity
        self.updatedAt = now
    }

    /// Takes one token if there is one. Otherwise returns the seconds until there is
    /// (for `Retry-After`).
    public mutating func take(now: Double) -> TokenBucketDecision {
        refill(now: now)
        if tokens >= 1 {
            tokens -= 1
            return .allowed
        }
        return .limited(retryAfterSeconds: (1 - tokens) / ratePerSecond)
    }

    /// True once the bucket would be full again: such an entry can be forgotten.
    public func isFull(now: Double) -> Bool {
        tokens + max(0, now - updatedAt) * ratePerSecond >= capacity
    }

    private mutating func refill(now: Double) {
        // A clock that steps back must not mint tokens or take them away.
        let elapsed = max(0, now - updatedAt)
        tokens = min(capacity, tokens + elapsed * ratePerSecond)
        updatedAt = max(updatedAt, now)
    }
}
