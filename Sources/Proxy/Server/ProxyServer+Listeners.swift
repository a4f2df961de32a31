import MeshPolicy
import NIOCore
import Synchronization

extension ProxyServer {
    struct Listeners: Sendable {
        var inbound: (server: NIOAsyncChannel<any Channel, Never>, app: HostPort, port: Int)?
        var outbound: NIOAsyncChannel<any Channel, Never>?
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
                // The session needs the bound port, known only after binding.
                let session = Mutex<ProxySession?>(nil)
                let makeHandler: @Sendable () -> ProxyConnectionHandler = {
                    ProxyConnectionHandler(session: session.withLock { $0! })
                }
                let server: NIOAsyncChannel<any Channel, Never>
                if options.meshTLS != nil || !policy.snapshot.config.peerAuthentications.isEmpty {
                    let policy = self.policy
                    server = try await HTTPListener.bindSniffing(
                        host: options.host, port: inbound.port, group: group,
                        mode: { policy.snapshot.config.inboundMTLSMode },
                        certificates: options.meshTLS?.certificates, logger: logger, makeHandler: makeHandler)
                } else {
                    server = try await HTTPListener.bind(host: options.host, port: inbound.port, group: group,
                                                         makeHandler: makeHandler)
                }
                let port = server.channel.localAddress?.port ?? inbound.port
                session.withLock { $0 = self.session(.inbound(app: inbound.app, port: port)) }
                listeners.inbound = (server, inbound.app, port)
                ports.inbound = port
            }
            if let port = config.outboundPort {
                let session = self.session(.outbound)
                let server = try await HTTPListener.bind(host: options.host, port: port, group: group) {
                    ProxyConnectionHandler(session: session)
                }
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

    private func session(_ role: ProxySession.Role) -> ProxySession {
        let reporter: ProxyReporter
        if case .inbound = role { reporter = .destination } else { reporter = .source }
        let forwarder = Forwarder(clusters: clusters, observer: observer, reporter: reporter, logger: logger)
        return ProxySession(role: role, policy: policy, forwarder: forwarder, registry: registry, observer: observer,
                            bodyBufferLimit: options.requestBodyBufferLimit)
    }

    func serve(_ listeners: Listeners) async {
        await withDiscardingTaskGroup { group in
            if let inbound = listeners.inbound {
                group.addTask { await HTTPListener.serve(inbound.server) }
            }
            if let outbound = listeners.outbound {
                group.addTask { await HTTPListener.serve(outbound) }
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
