/// Where the data path reports what it does: the seam to the telemetry module
/// (metrics, stats, spans, access logs). Calls come from many tasks at once and must
/// not block: implementations record and return.
public protocol ProxyObserver: Sendable {
    /// A request is about to be sent upstream. Returns the tracing headers to send in
    /// place of the received ones (e.g. a new client span id); empty forwards the
    /// received ones unchanged.
    func upstreamTraceHeaders(for request: ObservedRequestStart) -> [String: String]

    /// One per HTTP request, after its last response byte (or its failure).
    func requestCompleted(_ request: ObservedRequest)

    /// A TCP pass-through connection was accepted and its upstream chosen.
    func tcpConnectionOpened(_ connection: ObservedTCPConnection)

    /// It closed; byte counts are final.
    func tcpConnectionClosed(_ connection: ObservedTCPConnection)

    func upstreamEvent(_ event: UpstreamEvent)
}

extension ProxyObserver {
    public func upstreamTraceHeaders(for request: ObservedRequestStart) -> [String: String] { [:] }
    public func tcpConnectionOpened(_ connection: ObservedTCPConnection) {}
    public func tcpConnectionClosed(_ connection: ObservedTCPConnection) {}
    public func upstreamEvent(_ event: UpstreamEvent) {}
}
