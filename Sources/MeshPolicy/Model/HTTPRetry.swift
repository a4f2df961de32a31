/// Istio's `HTTPRetry`: how many times to retry, on what, with what per-try timeout.
public struct HTTPRetry: Sendable, Hashable {
    /// Retries after the first attempt; 0 disables retries.
    public var attempts: Int
    public var perTryTimeout: Duration?
    public var retryOn: [RetryCondition]

    public init(attempts: Int, perTryTimeout: Duration? = nil, retryOn: [RetryCondition] = HTTPRetry.defaultRetryOn) {
        self.attempts = attempts
        self.perTryTimeout = perTryTimeout
        self.retryOn = retryOn
    }

    /// What Istio retries on when `retryOn` is not written: connect-failure,
    /// refused-stream, unavailable, cancelled and retriable-status-codes with 503.
    public static let defaultRetryOn: [RetryCondition] = [
        .connectFailure, .refusedStream, .unsupported("unavailable"), .unsupported("cancelled"), .statusCode(503),
    ]

    /// The policy Istio applies to a route without `retries`: two retries on the defaults.
    public static let istioDefault = HTTPRetry(attempts: 2)

    public static let disabled = HTTPRetry(attempts: 0, retryOn: [])
}
