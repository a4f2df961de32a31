/// What one destination's queue has done since start, in samples or spans (the
/// figures `/metrics` and `meshscope bench forward` report).
public struct ForwardStats: Sendable, Hashable {
    /// Handed to the queue.
    public var enqueued: Int64 = 0
    /// Acknowledged by the receiver (2xx).
    public var delivered: Int64 = 0
    /// Sent again after a failed attempt, counted once per retry.
    public var retried: Int64 = 0
    /// Refused by the receiver for good (4xx other than a retried 429) and dropped.
    public var rejected: Int64 = 0
    /// Dropped, oldest first, because the queue was full.
    public var dropped: Int64 = 0
    /// HTTP requests made, successful or not.
    public var requests: Int64 = 0
    /// Milliseconds since the epoch of the last delivery; 0 before the first.
    public var lastDeliveryMilliseconds: Int64 = 0
    public var lastError: String?

    public init() {}
}
