import Config

/// A token bucket per client IP. Memory is bounded: at `maxClients` entries, buckets that
/// have refilled are forgotten, and if none has, new clients share one overflow bucket
/// (so a flood of source addresses cannot grow the table).
struct ClientRateLimiter: Sendable {
    static let maxClients = 10_000
    static let overflowKey = "<overflow>"

    private(set) var limit: IngestRateLimit
    private var buckets: [String: TokenBucket] = [:]

    init(limit: IngestRateLimit) {
        self.limit = limit
    }

    var clientCount: Int { buckets.count }

    /// A changed limit starts every client afresh.
    mutating func update(_ limit: IngestRateLimit) {
        if limit != self.limit { buckets.removeAll() }
        self.limit = limit
    }

    mutating func take(client: String, now: Double) -> TokenBucketDecision {
        guard limit.isEnabled else { return .allowed }
        var key = client
        if buckets[key] == nil && buckets.count >= Self.maxClients {
            buckets = buckets.filter { !$0.value.isFull(now: now) }
            if buckets.count >= Self.maxClients { key = Self.overflowKey }
        }
        var bucket = buckets[key]
            ?? TokenBucket(capacity: limit.effectiveBurst, ratePerSecond: limit.requestsPerSecond, now: now)
        let decision = bucket.take(now: now)
        buckets[key] = bucket
        return decision
    }
}
