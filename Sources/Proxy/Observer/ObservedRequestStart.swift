/// What the observer learns when a request is about to go upstream, so it can open a
/// span and choose the tracing headers to send.
public struct ObservedRequestStart: Sendable, Hashable {
    public var reporter: ProxyReporter
    public var method: String
    public var path: String
    public var authority: String
    public var requestID: String
    public var upstreamCluster: String?
    /// Tracing headers as received, lowercased names.
    public var traceHeaders: [String: String]

    public init(reporter: ProxyReporter, method: String, path: String, authority: String, requestID: String,
                upstreamCluster: String?, traceHeaders: [String: String]) {
        self.reporter = reporter
        self.method = method
        self.path = path
        self.authority = authority
        self.requestID = requestID
        self.upstreamCluster = upstreamCluster
        self.traceHeaders = traceHeaders
    }

    /// The header names the observer sees: tracing context, plus the peer identity a
    /// calling sidecar adds (`x-meshscope-peer`, MeshScope's counterpart of Istio's
    /// metadata exchange), so the inbound side can label its telemetry with the caller.
    public static let observedHeaderNames: Set<String> = [
        "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "b3",
        "traceparent", "tracestate", "x-meshscope-peer",
    ]
}
