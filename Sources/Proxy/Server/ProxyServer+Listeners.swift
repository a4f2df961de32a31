import MeshPolicy
import NIOCore

extension ProxyServer {
    struct Listeners: Sendable {
        var inbound: (server: NIOAsyncChannel<HTTPServerConnection, Never>, app: HostPort, port: Int)?
        var outbound: NIOAsyncChannel<HTTPServerConnection, Never>?
        var admin: NIOAsyncChannel<HTTPServerConnection, Never>?
        var tcp: [(server: NIOAsyncChannel<TCPConnection, Never>, listener: ProxyListeners.TCPPassThrough)] = []

        var channels: [any Channel] {
            [inbound?.server.channel, outbound?.channel, admin?.channel].compactMap { $0 } + tcp.map(\.server.channel)
        }
    }

    func bindListeners() async throws -> Listeners {
        let config = policy.snapshot.config.proxy.listeners
        var listeners = Listeners()
        var ports = BoundPorts()
        do {
            if let inbound = config.inbound {
                let server = try await HTTPListener.bind(host: options.host, port: inbound.port, group: group)
                let port = server.channel.localAddress?.port ?? inbound.port
                listeners.inbound = (server, inbound.app, port)
                ports.inbound = port
            }
            if let port = config.outboundPort {
                let server = try await HTTPListener.bind(host: options.host, port: port, group: group)
                listeners.outbound = server
                ports.outbound = server.channel.localAddress?.port
            }
            if let port = config.adminPort {
                let server = try await HTTPListener.bind(host: options.host, port: port, group: group)
                listeners.admin = server
                ports.admin = server.channel.localAddress?.port
            }
            for tcp in config.tcp {
                let server = try await TCPPassThroughSession.bind(host: options.host, port: tcp.port, group: group)
                listeners.tcp.append((server, tcp))
                ports.tcp[tcp.name] = server.channel.localAddress?.port
            }
        } catch {
            for channel in listeners.channels { try? await channel.close() }
            throw error
        }
        let (waiters, drainAlready) = runState.withLock { state in
            state.bound = ports
            state.serverChannels = listeners.channels
            defer { state.waiters = [] }
            return (state.waiters, state.draining)
        }
        for waiter in waiters { waiter.resume(returning: ports) }
        if drainAlready { for channel in listeners.channels { channel.close(promise: nil) } }
        logger.info("proxy listening", metadata: [
            "inbound": "\(ports.inbound.map(String.init) ?? "-")", "outbound": "\(ports.outbound.map(String.init) ?? "-")",
            "admin": "\(ports.admin.map(String.init) ?? "-")", "tcp": "\(ports.tcp)",
        ])
        return listeners
    }

    func serve(_ listeners: Listeners) async {
        let forwarder = { (reporter: ProxyReporter) in
            Forwarder(clusters: self.clusters, observer: self.observer, reporter: reporter, logger: self.logger)
        }
        await withDiscardingTaskGroup { group in
            if let inbound = listeners.inbound {
                let session = ProxySession(role: .inbound(app: inbound.app, port: inbound.port), policy: policy,
                                           forwarder: forwarder(.destination), registry: registry, observer: observer,
                                           bodyBufferLimit: options.requestBodyBufferLimit)
                group.addTask { await HTTPListener.serve(inbound.server) { await session.serve($0) } }
            }
            if let outbound = listeners.outbound {
                let session = ProxySession(role: .outbound, policy: policy, forwarder: forwarder(.source),
                                           registry: registry, observer: observer,
                                           bodyBufferLimit: options.requestBodyBufferLimit)
                group.addTask { await HTTPListener.serve(outbound) { await session.serve($0) } }
            }
            if let admin = listeners.admin {
                let session = AdminSession(hooks: hooks, registry: registry, policy: policy, clusters: clusters,
                                           boundPorts: { self.runState.withLock { $0.bound } },
                                           quit: { self.beginDrain() })
                group.addTask { await HTTPListener.serve(admin) { await session.serve($0) } }
            }
            for tcp in listeners.tcp {
                let session = TCPPassThroughSession(listener: tcp.listener, policy: policy, clusters: clusters,
                                                    registry: registry, observer: observer, group: self.group)
                let server = tcp.server
                group.addTask {
                    await withDiscardingTaskGroup { connections in
                        try? await server.executeThenClose { inbound in
                            for try await connection in inbound {
                                connections.addTask { await session.serve(connection) }
                            }
                        }
                    }
                }
            }
        }
    }
}
