import Logging
import MeshPolicy
import NIOCore
import NIOHTTP1

/// Serves the requests of one downstream connection on the inbound or outbound
/// listener, one after another (HTTP/1.1 keep-alive).
struct ProxySession: Sendable {
    enum Role: Sendable {
        /// In front of the local app.
        case inbound(app: HostPort, port: Int)
        /// The app's calls, routed by `Host`.
        case outbound
    }

    let role: Role
    let policy: PolicyState
    let forwarder: Forwarder
    let registry: ConnectionRegistry
    let observer: any ProxyObserver
    /// Bodies up to this size are kept for retries and mirrors.
    let bodyBufferLimit: Int

    var reporter: ProxyReporter {
        if case .inbound = role { return .destination }
        return .source
    }

    func serve(_ connection: HTTPServerConnection) async {
        guard let id = registry.register(connection.channel) else {
            connection.channel.close(promise: nil)
            return
        }
        defer { registry.remove(id) }
        let remote = connection.channel.remoteAddress
        let local = connection.channel.localAddress
        try? await connection.executeThenClose { inbound, outbound in
            var parts = inbound.makeAsyncIterator()
            while let part = try await parts.next() {
                guard case .head(let head) = part else { continue }
                registry.setBusy(id, true)
                let keepAlive = try await handle(head, parts: &parts, outbound: outbound, remote: remote, local: local)
                let open = registry.setBusy(id, false)
                if !keepAlive || !open { break }
            }
        }
    }

    /// Reads, forwards and answers one request; returns whether the connection stays open.
    private func handle(_ head: HTTPRequestHead, parts: inout NIOAsyncChannelInboundStream<HTTPServerRequestPart>.AsyncIterator,
                        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
                        remote: SocketAddress?, local: SocketAddress?) async throws -> Bool {
        let began = ContinuousClock.now
        var request = makeRequest(head, remote: remote)
        var record = ObservedRequest(
            reporter: reporter, method: head.method.rawValue, path: request.path, authority: request.authority,
            protocolVersion: "HTTP/\(head.version.major).\(head.version.minor)", startTimeMicros: ProxyClock.wallMicros,
            requestID: request.requestID, userAgent: head.headers.first(name: "user-agent"),
            downstreamRemoteAddress: remote?.hostPort, downstreamLocalAddress: local?.hostPort,
            traceHeadersReceived: HeaderRules.traceHeaders(head.headers))
        if head.headers.first(name: "expect")?.lowercased() == "100-continue" {
            try await outbound.write(.head(HTTPResponseHead(version: head.version, status: .continue)))
        }
        let read = try await readBody(&parts)
        var requestBytes = read.bytes
        let plan = makePlan(request)
        let result: ForwardResult
        var clientGone = !read.ended && read.overflow == nil
        if let overflow = read.overflow {
            // Too big to keep: stream the rest through a pipe while the forwarder sends it.
            let pipe = BodyPipe()
            request.body = .streaming(prefix: overflow, rest: pipe)
            let streamed = request
            let started = record
            @Sendable func forwardStreaming() async -> ForwardResult {
                let result = await forwarder.forward(streamed, plan: plan, record: started)
                pipe.abandon()
                return result
            }
            async let forwarded = forwardStreaming()
            do {
                while let part = try await parts.next() {
                    guard case .body(let buffer) = part else { break }
                    requestBytes += buffer.readableBytes
                    await pipe.send(buffer)
                }
            } catch {
                clientGone = true
            }
            pipe.finish()
            result = await forwarded
        } else if clientGone {
            record.responseFlags.insert(.downstreamConnectionTermination)
            result = .local(400, "", record: record)
        } else {
            request.body = .buffered(read.buffer)
            result = await forwarder.forward(request, plan: plan, record: record)
        }
        record = result.record
        record.requestBytes = requestBytes
        var keepAlive = head.isKeepAlive && !registry.isDraining && !clientGone
        if clientGone {
            record.responseFlags.insert(.downstreamConnectionTermination)
            if case .upstream(let started, let cluster) = result.response {
                cluster.release(started.connection, keepAlive: false)
            }
        } else {
            let written = await writeResponse(result, version: head.version, keepAlive: keepAlive, outbound: outbound)
            record.responseCode = written.status
            record.responseBytes = written.bytes
            record.responseFlags.formUnion(written.flags)
            keepAlive = keepAlive && written.complete
        }
        record.durationMicros = Forwarder.micros(began.duration(to: .now))
        observer.requestCompleted(record)
        return keepAlive
    }

    private func makeRequest(_ head: HTTPRequestHead, remote: SocketAddress?) -> ProxyRequest {
        var authority = head.headers.first(name: "host") ?? ""
        var path = head.uri
        if let absolute = HeaderRules.absoluteForm(head.uri) {
            (authority, path) = absolute
        }
        return ProxyRequest(head: head, body: .buffered(nil), authority: authority, path: path,
                            requestID: HeaderRules.requestID(head.headers), remoteAddress: remote)
    }

    private func makePlan(_ request: ProxyRequest) -> ForwardPlan {
        let snapshot = policy.snapshot
        switch role {
        case .inbound(let app, let port):
            return .inbound(app: app, listenerPort: port, path: request.path, authority: request.authority,
                            generation: snapshot.generation)
        case .outbound:
            let route = RouteRequest(authority: request.authority, path: request.path,
                                     method: request.head.method.rawValue, headers: request.routingHeaders)
            var random = SystemRandomNumberGenerator()
            return ForwardPlan(snapshot.router.route(route, using: &random), generation: snapshot.generation)
        }
    }
}
