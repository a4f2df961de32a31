/// Istio's `ConnectionPoolSettings`, the circuit breaker's limits. Nil means unlimited
/// (Istio sets Envoy's thresholds to 2^32-1 when a limit is not written).
public struct ConnectionPoolSettings: Sendable, Hashable {
    /// `tcp.maxConnections`: connections to the destination, over all its endpoints.
    public var maxConnections: Int?
    public var connectTimeout: Duration?
    /// `http.http1MaxPendingRequests`: requests waiting for a connection.
    public var maxPendingRequests: Int?
    /// `http.http2MaxRequests`: requests in flight at once, whatever the protocol.
    public var maxRequests: Int?
    /// `http.maxRequestsPerConnection`: a connection closes after serving this many; nil
    /// or 0 is unlimited.
    public var maxRequestsPerConnection: Int?
    /// `http.maxRetries`: retries in flight at once.
    public var maxRetries: Int?
    public var idleTimeout: Duration?

    public init(maxConnections: Int? = nil, connectTimeout: Duration? = nil, maxPendingRequests: Int? = nil,
                maxRequests: Int? = nil, maxRequestsPerConnection: Int? = nil, maxRetries: Int? = nil,
                idleTimeout: Duration? = nil) {
        self.maxConnections = maxConnections
        self.connectTimeout = connectTimeout
        self.maxPendingRequests = maxPendingRequests
        self.maxRequests = maxRequests
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.maxRetries = maxRetries
        self.idleTimeout = idleTimeout
    }

    public static let unlimited = ConnectionPoolSettings()
}
