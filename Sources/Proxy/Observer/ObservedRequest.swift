/// Which side of a hop reported a request: Istio's `reporter` label.
public enum ProxyReporter: String, Sendable, Hashable {
    /// The caller's proxy (the outbound listener).
    case source
    /// The callee's proxy (the inbound listener).
    case destination
}

/// One HTTP request as the data path saw it from arrival to the last response byte:
/// everything Istio metrics, Envoy stats, spans and access logs need.
public struct ObservedRequest: Sendable, Hashable {
    public var reporter: ProxyReporter
    public var method: String
    /// Path with query as received (before any rewrite).
    public var path: String
    /// `Host` as received.
    public var authority: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var protocolVersion: String
    /// Status sent downstream; 0 when none was (the client went away first).
    public var responseCode: Int
    public var responseFlags: Set<ResponseFlag>
    /// Wall-clock start, microseconds since the Unix epoch.
    public var startTimeMicros: Int64
    /// Arrival of the request head to the last response byte written.
    public var durationMicros: Int64
    /// Time from the upstream request being sent to its response head; nil when no
    /// upstream answered.
    public var upstreamServiceTimeMicros: Int64?
    /// Body bytes received from downstream and sent back to it.
    public var requestBytes: Int
    public var responseBytes: Int
    public var requestID: String
    public var userAgent: String?
    /// `host:port` of the endpoint of the last attempt, nil when none was picked.
    public var upstreamHost: String?
    /// Envoy cluster name (`outbound|9080|v1|reviews.default.svc.cluster.local`,
    /// `inbound|9080||`), nil for requests answered locally before routing.
    public var upstreamCluster: String?
    /// The destination service FQDN and subset the route chose.
    public var destinationService: String?
    public var destinationSubset: String?
    /// Labels of the chosen endpoint (`version`...), for destination labels.
    public var upstreamEndpointLabels: [String: String]
    /// `ip:port` of the client.
    public var downstreamRemoteAddress: String?
    /// `ip:port` of the listener.
    public var downstreamLocalAddress: String?
    /// Name of the matched route (`VirtualService.namespace.index` when unnamed).
    public var routeName: String?
    /// Attempts made upstream (the last `x-envoy-attempt-count`), 0 without any.
    public var attemptCount: Int
    /// Tracing headers (`x-b3-*`, `b3`, `traceparent`, `tracestate`) on the request as
    /// received, lowercased names.
    public var traceHeadersReceived: [String: String]
    /// Tracing headers the observer asked to send upstream instead (see
    /// `ProxyObserver.upstreamTraceHeaders`).
    public var traceHeadersInjected: [String: String]
    /// Inbound: the connection was mTLS with a client certificate from the mesh root.
    public var downstreamMutualTLS = false
    /// Inbound: the client certificate's SPIFFE URI (verified), nil without mTLS.
    public var downstreamPeerPrincipal: String?
    /// Outbound: the SPIFFE URI of the upstream's certificate when the connection of the
    /// last attempt was mTLS, nil when it was plaintext.
    public var upstreamPeerPrincipal: String?

    public init(reporter: ProxyReporter, method: String, path: String, authority: String,
                protocolVersion: String = "HTTP/1.1", responseCode: Int = 0, responseFlags: Set<ResponseFlag> = [],
                startTimeMicros: Int64 = 0, durationMicros: Int64 = 0, upstreamServiceTimeMicros: Int64? = nil,
                requestBytes: Int = 0, responseBytes: Int = 0, requestID: String = "", userAgent: String? = nil,
                upstreamHost: String? = nil, upstreamCluster: String? = nil, destinationService: String? = nil,
                destinationSubset: String? = nil, upstreamEndpointLabels: [String: String] = [:],
                downstreamRemoteAddress: String? = nil, downstreamLocalAddress: String? = nil,
                routeName: String? = nil, attemptCount: Int = 0, traceHeadersReceived: [String: String] = [:],
                traceHeadersInjected: [String: String] = [:]) {
        self.reporter = reporter
        self.method = method
        self.path = path
        self.authority = authority
        self.protocolVersion = protocolVersion
        self.responseCode = responseCode
        self.responseFlags = responseFlags
        self.startTimeMicros = startTimeMicros
        self.durationMicros = durationMicros
        self.upstreamServiceTimeMicros = upstreamServiceTimeMicros
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
        self.requestID = requestID
        self.userAgent = userAgent
        self.upstreamHost = upstreamHost
        self.upstreamCluster = upstreamCluster
        self.destinationService = destinationService
        self.destinationSubset = destinationSubset
        self.upstreamEndpointLabels = upstreamEndpointLabels
        self.downstreamRemoteAddress = downstreamRemoteAddress
        self.downstreamLocalAddress = downstreamLocalAddress
        self.routeName = routeName
        self.attemptCount = attemptCount
        self.traceHeadersReceived = traceHeadersReceived
        self.traceHeadersInjected = traceHeadersInjected
    }

    /// Envoy's `%RESPONSE_FLAGS%`.
    public var responseFlagsText: String { ResponseFlag.render(responseFlags) }
}
