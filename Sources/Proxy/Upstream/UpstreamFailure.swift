import MeshPolicy

/// Why an attempt got no usable response head.
enum UpstreamFailure: Error, Sendable, Hashable {
    /// The connection could not be made (flag UF).
    case connectFailure
    /// The circuit breaker refused the request (flag UO).
    case overflow(CircuitBreaker.Resource)
    /// The connection closed or failed before the response was complete (flag UC).
    case reset
    /// The attempt's deadline passed (flag UT).
    case timeout
    /// No endpoint to send to (flag UH).
    case noHealthyUpstream

    var outcome: UpstreamOutcome {
        switch self {
        case .connectFailure, .noHealthyUpstream: return .connectFailure
        case .overflow: return .response(status: 503)
        case .reset: return .reset
        case .timeout: return .perTryTimeout
        }
    }
}
