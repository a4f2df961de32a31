import MeshPolicy
import NIOCore
import NIOPosix

typealias TCPConnection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

/// One connection on a TCP pass-through listener: an endpoint of the routed upstream,
/// then bytes both ways (half-closes passed on) until both sides are done.
struct TCPPassThroughSession: Sendable {
    let listener: ProxyListeners.TCPPassThrough
    let policy: PolicyState
    let clusters: ClusterManager
    let registry: ConnectionRegistry
    let observer: any ProxyObserver
    let group: any EventLoopGroup

    static func bind(host: String, port: Int, group: any EventLoopGroup) async throws -> NIOAsyncChannel<TCPConnection, Never> {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try TCPConnection(wrappingChannelSynchronously: channel,
                                      configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
    }

    func serve(_ downstream: TCPConnection) async {
        guard let id = registry.register(downstream.channel, busy: true) else {
            downstream.channel.close(promise: nil)
            return
        }
        defer { registry.remove(id) }
        let began = ContinuousClock.now
        let snapshot = policy.snapshot
        var random = SystemRandomNumberGenerator()
        let target = snapshot.router.routeTCP(upstream: listener.upstream, using: &random)
        let cluster = clusters.cluster(named: target.clusterName, for: target, generation: snapshot.generation)
        var record = ObservedTCPConnection(listener: listener.name, upstreamCluster: target.clusterName,
                                           destinationService: target.service == nil ? nil : target.host,
                                           downstreamRemoteAddress: downstream.channel.remoteAddress?.hostPort,
                                           startTimeMicros: ProxyClock.wallMicros)
        defer {
            record.durationMicros = Forwarder.micros(began.duration(to: .now))
            observer.tcpConnectionClosed(record)
        }
        guard let endpoint = cluster.pickEndpoint(headers: [:]) else {
            record.responseFlags.insert(.noHealthyUpstream)
            observer.tcpConnectionOpened(record)
            downstream.channel.close(promise: nil)
            return
        }
        record.upstreamHost = endpoint.address.description
        record.upstreamEndpointLabels = endpoint.labels
        let upstream: TCPConnection
        do {
            upstream = try await connect(endpoint.address, timeout: target.trafficPolicy.connectionPool?.connectTimeout)
        } catch {
            cluster.requestEnded(at: endpoint.address, outcome: .connectFailure)
            record.responseFlags.insert(.upstreamConnectionFailure)
            observer.tcpConnectionOpened(record)
            downstream.channel.close(promise: nil)
            return
        }
        cluster.requestEnded(at: endpoint.address, outcome: nil)
        observer.tcpConnectionOpened(record)
        let (sent, received) = await Self.splice(downstream, upstream)
        record.sentBytes = sent
        record.receivedBytes = received
    }

    private func connect(_ endpoint: HostPort, timeout: Duration?) async throws -> TCPConnection {
        let limit = timeout ?? UpstreamConnection.defaultConnectTimeout
        return try await ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000))
            .channelOption(.allowRemoteHalfClosure, value: true)
            .connect(host: endpoint.host, port: endpoint.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try TCPConnection(wrappingChannelSynchronously: channel,
                                      configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
    }

    /// Copies both ways; returns bytes sent upstream and received from it. An error on
    /// either side closes both.
    static func splice(_ downstream: TCPConnection, _ upstream: TCPConnection) async -> (sent: Int, received: Int) {
        let result = try? await downstream.executeThenClose { downIn, downOut in
            try await upstream.executeThenClose { upIn, upOut in
                await withTaskGroup(of: (upward: Bool, bytes: Int).self) { group in
                    group.addTask {
                        (true, await copy(downIn, to: upOut, closing: [downstream.channel, upstream.channel]))
                    }
                    group.addTask {
                        (false, await copy(upIn, to: downOut, closing: [downstream.channel, upstream.channel]))
                    }
                    var sent = 0
                    var received = 0
                    for await (upward, bytes) in group {
                        if upward { sent = bytes } else { received = bytes }
                    }
                    return (sent, received)
                }
            }
        }
        return result ?? (0, 0)
    }

    private static func copy(_ input: NIOAsyncChannelInboundStream<ByteBuffer>,
                             to output: NIOAsyncChannelOutboundWriter<ByteBuffer>, closing channels: [any Channel]) async -> Int {
        var bytes = 0
        do {
            for try await buffer in input {
                bytes += buffer.readableBytes
                try await output.write(buffer)
            }
            output.finish()
        } catch {
            for channel in channels { channel.close(promise: nil) }
        }
        return bytes
    }
}
