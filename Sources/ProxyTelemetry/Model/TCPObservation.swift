/// One report on a TCP pass-through connection: bytes moved since the last report and
/// whether the connection opened or closed with it (Istio's `istio_tcp_*` metrics).
/// The data path may report several times per connection; counters add up.
public struct TCPObservation: Sendable, Hashable {
    public var reporter: Reporter
    public var source: PeerIdentity
    public var destination: PeerIdentity
    public var destinationServiceHost: String
    public var destinationServiceName: String
    public var destinationServiceNamespace: String
    public var responseFlags: [String]
    public var connectionSecurityPolicy: ConnectionSecurityPolicy
    /// Bytes sent downstream (the response direction) since the last report.
    public var sentBytes: Int64
    /// Bytes received from downstream (the request direction) since the last report.
    public var receivedBytes: Int64
    public var connectionOpened: Bool
    public var connectionClosed: Bool

    public init(reporter: Reporter, source: PeerIdentity, destination: PeerIdentity,
                destinationServiceHost: String, destinationServiceName: String? = nil,
                destinationServiceNamespace: String? = nil, responseFlags: [String] = [],
                connectionSecurityPolicy: ConnectionSecurityPolicy = .unknown,
                sentBytes: Int64 = 0, receivedBytes: Int64 = 0,
                connectionOpened: Bool = false, connectionClosed: Bool = false) {
        let derived = ServiceHost(destinationServiceHost)
        self.reporter = reporter
        self.source = source
        self.destination = destination
        self.destinationServiceHost = destinationServiceHost
        self.destinationServiceName = destinationServiceName ?? derived.name
        self.destinationServiceNamespace = destinationServiceNamespace ?? derived.namespace ?? destination.namespace
        self.responseFlags = responseFlags
        self.connectionSecurityPolicy = connectionSecurityPolicy
        self.sentBytes = sentBytes
        self.receivedBytes = receivedBytes
        self.connectionOpened = connectionOpened
        self.connectionClosed = connectionClosed
    }
}
