/// The ports the proxy listens on.
public struct ProxyListeners: Sendable, Hashable {
    /// Inbound: traffic for the local app arrives here and goes to `app`.
    public struct Inbound: Sendable, Hashable {
        public var port: Int
        public var app: HostPort

        public init(port: Int, app: HostPort) {
            self.port = port
            self.app = app
        }
    }

    /// A non-HTTP listener forwarding bytes to one upstream (a database).
    public struct TCPPassThrough: Sendable, Hashable {
        public var name: String
        public var port: Int
        /// A mesh service host with its port (the `tcp` routes of a VirtualService for
        /// that host apply) or a literal address.
        public var upstream: HostPort

        public init(name: String, port: Int, upstream: HostPort) {
            self.name = name
            self.port = port
            self.upstream = upstream
        }
    }

    public var inbound: Inbound?
    /// Outbound: the local app's calls arrive here and are routed by `Host`.
    public var outboundPort: Int?
    public var adminPort: Int?
    public var tcp: [TCPPassThrough]

    public init(inbound: Inbound? = nil, outboundPort: Int? = nil, adminPort: Int? = nil, tcp: [TCPPassThrough] = []) {
        self.inbound = inbound
        self.outboundPort = outboundPort
        self.adminPort = adminPort
        self.tcp = tcp
    }
}
