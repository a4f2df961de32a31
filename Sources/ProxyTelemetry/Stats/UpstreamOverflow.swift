/// Which circuit breaker turned a request away (Istio's `connectionPool` limits).
public enum UpstreamOverflow: Sendable, Hashable {
    /// `http1MaxPendingRequests` or `http2MaxRequests`: `upstream_rq_pending_overflow`.
    case pendingRequests
    /// `maxConnections`: `upstream_cx_overflow`.
    case connections
    /// `maxRetries`: `upstream_rq_retry_overflow`.
    case retries
}
