/// One `retryOn` value. MeshScope implements the HTTP/1.1 conditions; Envoy's other known
/// values are accepted (with a warning) and never trigger a retry.
public enum RetryCondition: Sendable, Hashable {
    /// Any 5xx, plus connect failure, refused stream, reset and per-try timeout.
    case serverError
    /// 502, 503 and 504, plus connect failure, reset and per-try timeout (Envoy counts an
    /// upstream reset as a gateway error).
    case gatewayError
    case connectFailure
    case refusedStream
    /// The upstream disconnected or reset, or did not answer within the per-try timeout.
    case reset
    /// 409.
    case retriable4xx
    /// Status codes written as numbers in `retryOn` (`503`), Istio's shorthand for
    /// Envoy's `retriable-status-codes`.
    case statusCode(Int)
    /// A value Envoy knows that MeshScope does not implement (gRPC statuses, headers...).
    case unsupported(String)

    /// Envoy retry_on values MeshScope knows but does not act on.
    static let unsupportedNames: Set<String> = [
        "retriable-status-codes", "retriable-headers", "reset-before-request", "envoy-ratelimited",
        "http3-post-connect-failure", "cancelled", "deadline-exceeded", "internal",
        "resource-exhausted", "unavailable",
    ]

    public enum Parsed: Sendable, Hashable {
        case known(RetryCondition)
        case unknown(String)
    }

    public static func parse(_ value: String) -> Parsed {
        switch value {
        case "5xx": return .known(.serverError)
        case "gateway-error": return .known(.gatewayError)
        case "connect-failure": return .known(.connectFailure)
        case "refused-stream": return .known(.refusedStream)
        case "reset": return .known(.reset)
        case "retriable-4xx": return .known(.retriable4xx)
        default:
            if let code = Int(value), (100...599).contains(code) { return .known(.statusCode(code)) }
            if unsupportedNames.contains(value) { return .known(.unsupported(value)) }
            return .unknown(value)
        }
    }
}
