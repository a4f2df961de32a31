import MeshPolicy
import NIOCore
import NIOSSL

extension UpstreamCluster {
    /// Called once with the leased connection or the failure, on any thread.
    typealias Waiter = @Sendable (Result<UpstreamConnection, any Error>) -> Void

    /// What to do once the lock is released.
    enum Effect {
        case resume(Waiter, Result<UpstreamConnection, any Error>)
        case connect(ConnectionPoolStateMachine.ConnectionID, HostPort)
        case close(UpstreamConnection)
    }

    /// A connection to `endpoint` for one request: an idle one, a new one, or one
    /// freed by another request. Throws `overflow` (UO), `connectFailure` (UF), or
    /// `CancellationError` when the task is cancelled while waiting.
    func lease(_ endpoint: HostPort) async throws -> UpstreamConnection {
        let requestID = nextRequestID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<UpstreamConnection, any Error>) in
                admit(requestID, endpoint: endpoint, loop: nil, checkCancellation: true) { continuation.resume(with: $0) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard state.pool.requestCancelled(requestID) else { return nil }
                return state.waiters.removeValue(forKey: requestID)
            }
            waiter?(.failure(CancellationError()))
        }
    }

    /// The same without a task: `waiter` is called once, on any thread. A connection on
    /// `loop` is preferred, and a new one is opened there.
    func lease(_ endpoint: HostPort, on loop: any EventLoop, _ waiter: @escaping Waiter) {
        admit(nextRequestID(), endpoint: endpoint, loop: loop, checkCancellation: false, waiter)
    }

    private func nextRequestID() -> ConnectionPoolStateMachine.RequestID {
        state.withLock { state in
            state.nextRequest += 1
            return state.nextRequest
        }
    }

    private func admit(_ requestID: ConnectionPoolStateMachine.RequestID, endpoint: HostPort, loop: (any EventLoop)?,
                       checkCancellation: Bool, _ waiter: @escaping Waiter) {
        let affinity = loop.map { Self.affinity(of: $0) }
        let effects = state.withLock { state -> [Effect] in
            // Checked under the lock so that a cancellation is never missed.
            if checkCancellation && Task.isCancelled { return [.resume(waiter, .failure(CancellationError()))] }
            switch state.pool.requestArrived(requestID, endpoint: endpoint, affinity: affinity) {
            case .dispatch(let id):
                guard let connection = state.connections[id] else {
                    return [.resume(waiter, .failure(UpstreamFailure.reset))]
                }
                state.leased.insert(id)
                return [.resume(waiter, .success(connection))]
            case .connect(let id):
                state.waiters[requestID] = waiter
                return [.connect(id, endpoint)]
            case .queued:
                state.waiters[requestID] = waiter
                return []
            case .overflow(let resource):
                return [.resume(waiter, .failure(UpstreamFailure.overflow(resource)))]
            }
        }
        perform(effects, loop: loop)
    }

    /// Identifies an event loop for the pool's affinity.
    static func affinity(of loop: any EventLoop) -> Int {
        ObjectIdentifier(loop).hashValue
    }

    /// Gives a leased connection back; `keepAlive` false closes it.
    func release(_ connection: UpstreamConnection, keepAlive: Bool) {
        let (close, effects) = state.withLock { state -> (Bool, [Effect]) in
            state.leased.remove(connection.id)
            let (close, next) = state.pool.requestFinished(on: connection.id, keepAlive: keepAlive && !state.retired)
            if close { state.connections[connection.id] = nil }
            return (close, Self.effects(of: next, &state))
        }
        if close {
            connection.close()
        } else {
            connection.demand()
        }
        perform(effects)
    }

    /// After a reload replaced this cluster: idle connections close now, busy ones
    /// when their request ends.
    func retire() {
        let idle = state.withLock { state -> [UpstreamConnection] in
            state.retired = true
            return state.connections.values.filter { !state.leased.contains($0.id) }
        }
        for connection in idle { connection.close() }
    }

    /// Shutdown: every connection closes, waiting requests fail.
    func closeAll() {
        let (connections, waiters) = state.withLock { state in
            state.retired = true
            defer { state.waiters = [:] }
            return (Array(state.connections.values), Array(state.waiters.values))
        }
        for connection in connections { connection.close() }
        for waiter in waiters { waiter(.failure(UpstreamFailure.reset)) }
    }

    static func effects(of next: ConnectionPoolStateMachine.Next, _ state: inout State) -> [Effect] {
        switch next {
        case .dispatch(let request, let id):
            guard let waiter = state.waiters.removeValue(forKey: request) else { return [] }
            guard let connection = state.connections[id] else { return [.resume(waiter, .failure(UpstreamFailure.reset))] }
            state.leased.insert(id)
            return [.resume(waiter, .success(connection))]
        case .connect(let id, let endpoint):
            return [.connect(id, endpoint)]
        case .nothing:
            return []
        }
    }

    /// `loop` is where a new connection opens (any loop when nil).
    func perform(_ effects: [Effect], loop: (any EventLoop)? = nil) {
        for effect in effects {
            switch effect {
            case .resume(let waiter, let result): waiter(result)
            case .connect(let id, let endpoint): startConnect(id, to: endpoint, on: loop ?? group.next())
            case .close(let connection): connection.close()
            }
        }
    }

    private func startConnect(_ id: ConnectionPoolStateMachine.ConnectionID, to endpoint: HostPort,
                              on loop: any EventLoop) {
        let timeout = target.trafficPolicy.connectionPool?.connectTimeout
        let tls = upstreamTLS(for: endpoint)
        Task {
            do {
                let connection = try await UpstreamConnection.connect(
                    id: id, to: endpoint, timeout: timeout, group: loop, tls: tls,
                    onClose: { [self] in connectionClosed(id, endpoint: endpoint) })
                observer.upstreamEvent(.connectionOpened(cluster: name, host: endpoint.description))
                let effects = state.withLock { state -> [Effect] in
                    // It may already have closed (and left the pool) on its own.
                    guard state.pool.endpoint(of: id) != nil else { return [] }
                    state.connections[id] = connection
                    return Self.effects(of: state.pool.connectionEstablished(id), &state)
                }
                perform(effects)
            } catch {
                observer.upstreamEvent(.connectFailure(cluster: name, host: endpoint.description))
                let effects = state.withLock { state -> [Effect] in
                    let (failed, next) = state.pool.connectionFailed(id)
                    var effects = failed.compactMap { request in
                        state.waiters.removeValue(forKey: request).map {
                            Effect.resume($0, .failure(UpstreamFailure.connectFailure))
                        }
                    }
                    effects += Self.effects(of: next, &state)
                    return effects
                }
                perform(effects)
            }
        }
    }

    private func connectionClosed(_ id: ConnectionPoolStateMachine.ConnectionID, endpoint: HostPort) {
        observer.upstreamEvent(.connectionClosed(cluster: name, host: endpoint.description))
        let effects = state.withLock { state -> [Effect] in
            state.connections[id] = nil
            state.leased.remove(id)
            return Self.effects(of: state.pool.connectionClosed(id).next, &state)
        }
        perform(effects)
    }

    /// The TLS context for a new connection to `endpoint`, nil for plaintext
    /// (`OutboundSecurityDecision`). The certificate current now is used for the
    /// connection's whole life.
    private func upstreamTLS(for endpoint: HostPort) -> (context: NIOSSLContext, trustDomain: String)? {
        guard let meshTLS, let material = meshTLS.certificates.current else { return nil }
        let labels = target.endpoints.first { $0.address == endpoint }?.labels ?? [:]
        let mutual = OutboundSecurityDecision.useMutualTLS(
            tls: target.trafficPolicy.tls, endpointLabels: labels, autoMTLS: meshTLS.autoMTLS,
            haveCertificate: true, localApp: name.hasPrefix("inbound|"))
        return mutual ? (material.clientContext, meshTLS.certificates.trustDomain) : nil
    }
}
