/// How one attempt at an upstream ended, as the retry and outlier logic judge it.
public enum UpstreamOutcome: Sendable, Hashable {
    /// The upstream answered (response headers arrived).
    case response(status: Int)
    /// No connection could be made (refused, connect timeout): flag UF.
    case connectFailure
    /// The upstream refused the stream before processing it (HTTP/2 REFUSED_STREAM).
    case refusedStream
    /// The connection was reset or closed before a response: flag UC.
    case reset
    /// No response within the per-try timeout: flag UT.
    case perTryTimeout

    /// Envoy maps local failures onto these status codes for outlier detection and
    /// retry purposes (a reset or connect failure is a 503, a timeout a 504).
    public var effectiveStatus: Int {
        switch self {
        case .response(let status): return status
        case .connectFailure, .refusedStream, .reset: return 503
        case .perTryTimeout: return 504
        }
    }
}
