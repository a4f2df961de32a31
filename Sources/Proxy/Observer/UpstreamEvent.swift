import MeshPolicy

/// What happens to an upstream cluster, for Envoy-style upstream stats
/// (`upstream_rq_retry`, `upstream_rq_timeout`, `upstream_cx_active`,
/// `outlier_detection.ejections_active`, `upstream_rq_pending_overflow`...).
public enum UpstreamEvent: Sendable, Hashable {
    /// A retry was sent (attempt number 2, 3...).
    case retry(cluster: String, attempt: Int)
    /// A retry was wanted but `maxRetries` refused it.
    case retryOverflow(cluster: String)
    /// An attempt or the whole request timed out.
    case timeout(cluster: String, perTry: Bool)
    /// The circuit breaker refused a request.
    case overflow(cluster: String, resource: CircuitBreaker.Resource)
    case connectionOpened(cluster: String, host: String)
    case connectionClosed(cluster: String, host: String)
    case connectFailure(cluster: String, host: String)
    case ejected(cluster: String, host: String)
    case readmitted(cluster: String, host: String)
}
