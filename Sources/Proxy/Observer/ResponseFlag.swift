/// Envoy's response flags, the short codes access logs and `response_flags` labels carry.
public enum ResponseFlag: String, Sendable, Hashable, CaseIterable, Comparable {
    /// No healthy upstream endpoint.
    case noHealthyUpstream = "UH"
    /// Upstream connection failure.
    case upstreamConnectionFailure = "UF"
    /// Upstream overflow: the circuit breaker refused the request.
    case upstreamOverflow = "UO"
    /// No route configured for the request.
    case noRouteFound = "NR"
    /// Retries exhausted (set beside the flag of the last failure).
    case upstreamRetryLimitExceeded = "URX"
    /// Upstream request timeout.
    case upstreamRequestTimeout = "UT"
    /// The downstream connection terminated before the response was sent.
    case downstreamConnectionTermination = "DC"
    /// The request was aborted by fault injection.
    case faultInjected = "FI"
    /// The request was delayed by fault injection.
    case delayInjected = "DI"
    /// The upstream connection terminated before or during the response.
    case upstreamConnectionTermination = "UC"
    /// The connection was reset locally (the proxy gave up on it, e.g. on drain).
    case localReset = "LR"

    /// Envoy's order in logs follows the flag bits; alphabetical keeps output stable.
    public static func < (lhs: ResponseFlag, rhs: ResponseFlag) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `UF,URX`, or `-` without flags, as Envoy's access log writes them.
    public static func render(_ flags: Set<ResponseFlag>) -> String {
        flags.isEmpty ? "-" : flags.sorted().map(\.rawValue).joined(separator: ",")
    }
}
