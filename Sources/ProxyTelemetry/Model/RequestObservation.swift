/// Everything the data path knows about one finished HTTP request at one proxy: the input
/// to metrics, the span and the access-log record. A value, built on the event loop and
/// handed to `SidecarTelemetry.record` without awaiting.
public struct RequestObservation: Sendable, Hashable {
    public var reporter: Reporter
    public var source: PeerIdentity
    public var destination: PeerIdentity
    /// Fully qualified service host, `reviews.default.svc.cluster.local`.
    public var destinationServiceHost: String
    /// `reviews`.
    public var destinationServiceName: String
    /// `default`.
    public var destinationServiceNamespace: String
    /// `http` or `grpc` (Istio's `request_protocol`).
    public var requestProtocol: String
    /// HTTP status; 0 when no response was sent (the client went away, `DC`).
    public var responseCode: Int
    /// gRPC status number for gRPC requests; nil otherwise (Istio's label is then empty).
    public var grpcStatus: Int?
    /// Envoy short flags (`UH`, `UO`, `URX`, ...); empty when none.
    public var responseFlags: [String]
    public var connectionSecurityPolicy: ConnectionSecurityPolicy
    /// Epoch microseconds when the request's first byte arrived.
    public var startMicros: Int64
    /// Microseconds from the first request byte to the last response byte out.
    public var durationMicros: Int64
    /// Request body bytes received from downstream.
    public var requestBytes: Int64
    /// Response body bytes sent downstream.
    public var responseBytes: Int64
    public var method: String
    /// Path with query, as the request gave it.
    public var path: String
    /// `Host` / `:authority`.
    public var authority: String
    /// `HTTP/1.1`.
    public var httpProtocol: String
    public var userAgent: String?
    /// `x-request-id` (the data path generates one when absent).
    public var requestId: String?
    public var xForwardedFor: String?
    /// `ip:port` of the endpoint that answered (the last attempt).
    public var upstreamHost: String?
    /// `outbound|9080|v1|reviews.default.svc.cluster.local` or `inbound|9080||`.
    public var upstreamCluster: String
    public var upstreamLocalAddress: String?
    public var downstreamLocalAddress: String?
    public var downstreamRemoteAddress: String?
    public var routeName: String?
    /// Upstream attempts, 1 without retries (`x-envoy-attempt-count`).
    public var attemptCount: Int
    /// Envoy's `%RESPONSE_CODE_DETAILS%` (`via_upstream`, `upstream_reset_before_response_started{...}`).
    public var responseCodeDetails: String?
    /// Milliseconds the upstream took (`x-envoy-upstream-service-time`), when it answered.
    public var upstreamServiceTimeMillis: Int64?
    /// This hop's trace context; its span id is the span this proxy reports.
    public var trace: TraceContext?

    public init(reporter: Reporter, source: PeerIdentity, destination: PeerIdentity,
                destinationServiceHost: String, destinationServiceName: String? = nil,
                destinationServiceNamespace: String? = nil, requestProtocol: String = "http",
                responseCode: Int, grpcStatus: Int? = nil, responseFlags: [String] = [],
                connectionSecurityPolicy: ConnectionSecurityPolicy = .unknown,
                startMicros: Int64, durationMicros: Int64, requestBytes: Int64 = 0, responseBytes: Int64 = 0,
                method: String, path: String, authority: String, httpProtocol: String = "HTTP/1.1",
                userAgent: String? = nil, requestId: String? = nil, xForwardedFor: String? = nil,
                upstreamHost: String? = nil, upstreamCluster: String, upstreamLocalAddress: String? = nil,
                downstreamLocalAddress: String? = nil, downstreamRemoteAddress: String? = nil,
                routeName: String? = nil, attemptCount: Int = 1, responseCodeDetails: String? = nil,
                upstreamServiceTimeMillis: Int64? = nil, trace: TraceContext? = nil) {
        let derived = ServiceHost(destinationServiceHost)
        self.reporter = reporter
        self.source = source
        self.destination = destination
        self.destinationServiceHost = destinationServiceHost
        self.destinationServiceName = destinationServiceName ?? derived.name
        self.destinationServiceNamespace = destinationServiceNamespace ?? derived.namespace ?? destination.namespace
        self.requestProtocol = requestProtocol
        self.responseCode = responseCode
        self.grpcStatus = grpcStatus
        self.responseFlags = responseFlags
        self.connectionSecurityPolicy = connectionSecurityPolicy
        self.startMicros = startMicros
        self.durationMicros = durationMicros
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
        self.method = method
        self.path = path
        self.authority = authority
        self.httpProtocol = httpProtocol
        self.userAgent = userAgent
        self.requestId = requestId
        self.xForwardedFor = xForwardedFor
        self.upstreamHost = upstreamHost
        self.upstreamCluster = upstreamCluster
        self.upstreamLocalAddress = upstreamLocalAddress
        self.downstreamLocalAddress = downstreamLocalAddress
        self.downstreamRemoteAddress = downstreamRemoteAddress
        self.routeName = routeName
        self.attemptCount = attemptCount
        self.responseCodeDetails = responseCodeDetails
        self.upstreamServiceTimeMillis = upstreamServiceTimeMillis
        self.trace = trace
    }

    /// `response_flags` as Envoy prints it: `-` or comma-joined.
    public var responseFlagsText: String { ResponseFlag.text(responseFlags) }

    /// Duration in milliseconds, the unit of `istio_request_duration_milliseconds`.
    public var durationMillis: Double { Double(durationMicros) / 1000 }
}
