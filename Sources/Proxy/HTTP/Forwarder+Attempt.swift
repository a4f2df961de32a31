import MeshPolicy
import NIOCore
import NIOHTTP1

extension Forwarder {
    /// One try: a connection from the pool, the request written, the response head
    /// read, all before `deadline`. The connection stays leased in the result.
    func attempt(_ request: ProxyRequest, head: HTTPRequestHead, cluster: UpstreamCluster, endpoint: HostPort,
                 deadline: ContinuousClock.Instant?) async throws -> UpstreamResponseStart {
        try await withDeadline(deadline, discard: { cluster.release($0.connection, keepAlive: false) }) {
            let connection: UpstreamConnection
            do {
                connection = try await cluster.lease(endpoint)
            } catch let failure as UpstreamFailure {
                throw failure
            } catch {
                throw UpstreamFailure.reset
            }
            do {
                return try await withTaskCancellationHandler {
                    try await Self.exchange(request, head: head, on: connection)
                } onCancel: {
                    connection.close()
                }
            } catch {
                cluster.release(connection, keepAlive: false)
                throw UpstreamFailure.reset
            }
        }
    }

    private static func exchange(_ request: ProxyRequest, head: HTTPRequestHead,
                                 on connection: UpstreamConnection) async throws -> UpstreamResponseStart {
        let parts = try await connection.beginExchange()
        try await connection.write(.head(head), flush: false)
        switch request.body {
        case .buffered(let body):
            if let body, body.readableBytes > 0 {
                try await connection.write(.body(.byteBuffer(body)), flush: false)
            }
            try await connection.write(.end(nil), flush: true)
        case .streaming(let prefix, let rest):
            try await connection.write(.body(.byteBuffer(prefix)), flush: true)
            while let chunk = await rest.next() {
                try await connection.write(.body(.byteBuffer(chunk)), flush: true)
            }
            try Task.checkCancellation()
            try await connection.write(.end(nil), flush: true)
        }
        var iterator = parts.makeAsyncIterator()
        while true {
            connection.demand()
            guard let part = try await iterator.next() else { throw UpstreamFailure.reset }
            guard case .head(let responseHead) = part else { continue }
            // 100 Continue and other interim answers are not the response.
            if (100..<200).contains(responseHead.status.code) && responseHead.status.code != 101 { continue }
            return UpstreamResponseStart(connection: connection, head: responseHead, parts: parts)
        }
    }

    /// The request head for one attempt: hop-by-hop headers gone, Envoy's headers set,
    /// framing for the body as it will be sent.
    func upstreamHead(_ request: ProxyRequest, plan: ForwardPlan, attempt: Int,
                      record: ObservedRequest) -> HTTPRequestHead {
        var headers = request.head.headers
        HeaderRules.removeHopByHop(&headers)
        for name in ["host", "content-length", "expect", "x-envoy-attempt-count"] { headers.remove(name: name) }
        HeaderRules.appendForwardedFor(&headers, remote: request.remoteAddress)
        headers.replaceOrAdd(name: "x-request-id", value: request.requestID)
        if !headers.contains(name: "x-forwarded-proto") { headers.add(name: "x-forwarded-proto", value: "http") }
        headers.add(name: "x-envoy-attempt-count", value: String(attempt))
        for (name, value) in record.traceHeadersInjected.sorted(by: { $0.key < $1.key }) {
            headers.replaceOrAdd(name: name, value: value)
        }
        var list = plan.headers.request.apply(to: headers.map { (name: $0.name, value: $0.value) })
        list.insert((name: "host", value: plan.authority), at: 0)
        switch request.body {
        case .buffered(let body):
            let length = body?.readableBytes ?? 0
            if length > 0 || [.POST, .PUT, .PATCH].contains(request.head.method) {
                list.append((name: "content-length", value: String(length)))
            }
        case .streaming:
            list.append((name: "transfer-encoding", value: "chunked"))
        }
        return HTTPRequestHead(version: .http1_1, method: request.head.method, uri: plan.path,
                               headers: HTTPHeaders(list.map { ($0.name, $0.value) }))
    }

    /// Envoy's shadowing: a copy to the mirror with `-shadow` on the authority, fire and
    /// forget. Only whole bodies are mirrored; the answer and any failure are dropped.
    func sendMirror(_ request: ProxyRequest, plan: ForwardPlan, to target: UpstreamTarget) {
        guard request.isRetriable else { return }
        let cluster = clusters.cluster(named: target.clusterName, for: target, generation: plan.generation)
        var mirrorPlan = plan
        mirrorPlan.authority = HeaderRules.shadowAuthority(plan.authority)
        let record = ObservedRequest(reporter: reporter, method: request.head.method.rawValue, path: request.path,
                                     authority: request.authority)
        let head = upstreamHead(request, plan: mirrorPlan, attempt: 1, record: record)
        let deadline = ContinuousClock.now + (plan.timeout ?? .seconds(15))
        Task {
            guard let endpoint = cluster.pickEndpoint(headers: request.routingHeaders) else { return }
            var outcome: UpstreamOutcome = .reset
            defer { cluster.requestEnded(at: endpoint.address, outcome: outcome) }
            guard let started = try? await attempt(request, head: head, cluster: cluster, endpoint: endpoint.address,
                                                   deadline: deadline) else { return }
            outcome = .response(status: Int(started.head.status.code))
            let complete = (try? await withDeadline(deadline) { try await Self.drain(started) }) ?? false
            cluster.release(started.connection, keepAlive: complete && started.head.isKeepAlive)
        }
    }

    /// Reads a response to its end; true when it ended cleanly.
    static func drain(_ started: UpstreamResponseStart) async throws -> Bool {
        var iterator = started.parts.makeAsyncIterator()
        while true {
            started.connection.demand()
            guard let part = try await iterator.next() else { return false }
            if case .end = part { return true }
        }
    }
}
