import MeshPolicy
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// One pooled HTTP/1.1 connection to an endpoint. Reads are on demand (autoRead off),
/// so a slow downstream holds back a fast upstream instead of filling memory.
struct UpstreamConnection: Sendable {
    let id: ConnectionPoolStateMachine.ConnectionID
    let endpoint: HostPort
    let channel: any Channel
    /// The server's SPIFFE identity when the connection is mTLS; nil for plaintext.
    let peerPrincipal: String?
    private let handler: NIOLoopBound<UpstreamResponseHandler>

    /// Istio's default connect timeout.
    static let defaultConnectTimeout = Duration.seconds(10)

    static func connect(id: ConnectionPoolStateMachine.ConnectionID, to endpoint: HostPort,
                        timeout: Duration?, group: any EventLoopGroup,
                        tls: (context: NIOSSLContext, trustDomain: String)? = nil,
                        onClose: @escaping @Sendable () -> Void) async throws -> UpstreamConnection {
        let handshake = Mutex<EventLoopFuture<String>?>(nil)
        let milliseconds = (timeout ?? defaultConnectTimeout).components.seconds * 1000
            + (timeout ?? defaultConnectTimeout).components.attoseconds / 1_000_000_000_000_000
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(max(1, milliseconds)))
            .channelOption(.autoRead, value: false)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        // No SNI: endpoints are addresses; the identity is checked instead of a name.
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls.context, serverHostname: nil))
                        let promise = channel.eventLoop.makePromise(of: String.self)
                        handshake.withLock { $0 = promise.futureResult }
                        try channel.pipeline.syncOperations.addHandler(
                            UpstreamHandshakeHandler(trustDomain: tls.trustDomain, promise: promise))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(UpstreamResponseHandler(onClose: onClose))
                }
            }
            .connect(host: endpoint.host, port: endpoint.port)
            .get()
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: UpstreamResponseHandler.self),
                         eventLoop: channel.eventLoop)
        }.get()
        var principal: String?
        if let pending = handshake.withLock({ $0 }) {
            // The handshake needs reads while autoRead is off.
            channel.read()
            do {
                principal = try await pending.get()
            } catch {
                channel.close(promise: nil)
                throw error
            }
        }
        // Keep a read pending while idle so that a close by the server is noticed.
        channel.read()
        return UpstreamConnection(id: id, endpoint: endpoint, channel: channel, peerPrincipal: principal, handler: handler)
    }

    private init(id: ConnectionPoolStateMachine.ConnectionID, endpoint: HostPort, channel: any Channel,
                 peerPrincipal: String?, handler: NIOLoopBound<UpstreamResponseHandler>) {
        self.id = id
        self.endpoint = endpoint
        self.channel = channel
        self.peerPrincipal = peerPrincipal
        self.handler = handler
    }

    /// Starts an exchange: the stream yields this request's response parts.
    func beginExchange() async throws -> UpstreamResponseHandler.Parts {
        let handler = self.handler
        return try await channel.eventLoop.submit { handler.value.beginExchange() }.get()
    }

    /// Starts an exchange whose parts go to `sink`; false on a closed connection.
    /// Only on the connection's event loop.
    func beginExchange(sink: any UpstreamResponseSink) -> Bool {
        handler.value.beginExchange(sink: sink)
    }

    /// The sink stops taking parts. Only on the connection's event loop.
    func endExchange() {
        handler.value.endExchange()
    }

    func write(_ part: HTTPClientRequestPart, flush: Bool) async throws {
        if flush {
            try await channel.writeAndFlush(part)
        } else {
            channel.write(part, promise: nil)
        }
    }

    /// Asks for more of the response; call before each `next()` on the parts stream.
    func demand() {
        channel.read()
    }

    func close() {
        channel.close(promise: nil)
    }
}
