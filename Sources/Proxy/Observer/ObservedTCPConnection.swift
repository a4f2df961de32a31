/// One connection through a TCP pass-through listener, for Istio's `istio_tcp_*` metrics.
public struct ObservedTCPConnection: Sendable, Hashable {
    /// The listener's name from ProxyConfig (`mysql`).
    public var listener: String
    public var upstreamCluster: String
    public var destinationService: String?
    /// Endpoint connected to; nil when none could be picked.
    public var upstreamHost: String?
    public var upstreamEndpointLabels: [String: String]
    public var downstreamRemoteAddress: String?
    public var startTimeMicros: Int64
    /// Zero until the connection closes.
    public var durationMicros: Int64
    /// Bytes from downstream to upstream (`istio_tcp_sent_bytes_total`).
    public var sentBytes: Int
    /// Bytes from upstream to downstream (`istio_tcp_received_bytes_total`).
    public var receivedBytes: Int
    /// UF when the upstream could not be reached, UH when no endpoint was available.
    public var responseFlags: Set<ResponseFlag>

    public init(listener: String, upstreamCluster: String, destinationService: String? = nil,
                upstreamHost: String? = nil, upstreamEndpointLabels: [String: String] = [:],
                downstreamRemoteAddress: String? = nil, startTimeMicros: Int64 = 0, durationMicros: Int64 = 0,
                sentBytes: Int = 0, receivedBytes: Int = 0, responseFlags: Set<ResponseFlag> = []) {
        self.listener = listener
        self.upstreamCluster = upstreamCluster
        self.destinationService = destinationService
        self.upstreamHost = upstreamHost
        self.upstreamEndpointLabels = upstreamEndpointLabels
        self.downstreamRemoteAddress = downstreamRemoteAddress
        self.startTimeMicros = startTimeMicros
        self.durationMicros = durationMicros
        self.sentBytes = sentBytes
        self.receivedBytes = receivedBytes
        self.responseFlags = responseFlags
    }
}
