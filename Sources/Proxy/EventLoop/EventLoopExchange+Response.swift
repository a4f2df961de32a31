import MeshPolicy
import NIOCore
import NIOHTTP1

extension EventLoopExchange: UpstreamResponseSink {
    func upstreamPart(_ part: HTTPClientResponsePart) {
        switch (phase, part) {
        case (.awaitingHead, .head(let head)):
            received(head)
        case (.relaying, .body(let buffer)):
            responseBytes += buffer.readableBytes
            context.write(handler.wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            if context.channel.isWritable {
                connection?.demand()
            } else {
                readDeferred = true
            }
        case (.relaying(let status, let upstreamKeepAlive), .end(let trailers)):
            let written = context.writeAndFlush(handler.wrapOutboundOut(.end(trailers)))
            if let connection, let cluster {
                self.connection = nil
                cluster.release(connection, keepAlive: upstreamKeepAlive)
            }
            complete(status: status, flags: [], whole: true, lastWrite: written)
        default:
            break
        }
    }

    func upstreamReadComplete() {
        if case .relaying = phase { context.flush() }
    }

    func upstreamFailed() {
        switch phase {
        case .awaitingHead:
            attemptFailed(.reset)
        case .relaying(let status, _):
            if let connection, let cluster {
                self.connection = nil
                cluster.release(connection, keepAlive: false)
            }
            context.flush()
            complete(status: status, flags: [.upstreamConnectionTermination], whole: false, lastWrite: nil)
        case .leasing, .backingOff, .done:
            break
        }
    }

    /// The downstream connection went away: give everything back, record, stop.
    func downstreamClosed() {
        switch phase {
        case .done:
            return
        case .backingOff(let scheduled):
            scheduled.cancel()
        case .leasing:
            // `leased` returns the connection when it comes.
            break
        case .awaitingHead, .relaying:
            if let connection, let cluster {
                self.connection = nil
                endExchange(on: connection)
                cluster.release(connection, keepAlive: false)
                if case .awaitingHead = phase, let endpoint { cluster.requestEnded(at: endpoint, outcome: nil) }
            }
        }
        let status: Int
        if case .relaying(let relayed, _) = phase { status = relayed } else { status = 0 }
        complete(status: status, flags: [.downstreamConnectionTermination], whole: false, lastWrite: nil)
    }

    func downstreamWritable() {
        guard readDeferred else { return }
        readDeferred = false
        connection?.demand()
    }

    /// Answers with a reply of the proxy's own.
    func finish(_ result: ForwardResult) {
        record = result.record
        guard case .local(let status, let headers, let body) = result.response else { return }
        keepAlive = keepAlive && !handler.session.registry.isDraining
        let head = ResponseHeads.local(status: status, headers: headers, body: body, version: request.head.version,
                                       keepAlive: keepAlive)
        context.write(handler.wrapOutboundOut(.head(head)), promise: nil)
        if !body.isEmpty {
            context.write(handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        }
        let written = context.writeAndFlush(handler.wrapOutboundOut(.end(nil)))
        responseBytes = body.utf8.count
        complete(status: status, flags: [], whole: true, lastWrite: written)
    }

    private func received(_ head: HTTPResponseHead) {
        let code = Int(head.status.code)
        // 100 Continue and other interim answers are not the response.
        if (100..<200).contains(code) && code != 101 {
            connection?.demand()
            return
        }
        guard let cluster, let endpoint else { return }
        record.upstreamServiceTimeMicros = Forwarder.micros(attemptStart.duration(to: .now))
        cluster.requestEnded(at: endpoint, outcome: .response(status: code))
        switch retryDecision(.response(status: code), cluster: cluster) {
        case .retry(let backoff):
            if let connection {
                self.connection = nil
                endExchange(on: connection)
                cluster.release(connection, keepAlive: false)
            }
            backOff(backoff)
        case .finish(.overallTimeout):
            if let connection {
                self.connection = nil
                endExchange(on: connection)
                cluster.release(connection, keepAlive: false)
            }
            finish(forwarder.timedOut(record, cluster: cluster, perTry: false))
        case .finish(let finish):
            if finish == .retriesExhausted { record.responseFlags.insert(.upstreamRetryLimitExceeded) }
            keepAlive = keepAlive && !handler.session.registry.isDraining
            let downstream = ResponseHeads.relayed(head, changes: plan.headers.response,
                                                   serviceTimeMicros: record.upstreamServiceTimeMicros,
                                                   version: request.head.version, keepAlive: keepAlive)
            phase = .relaying(status: code, upstreamKeepAlive: head.isKeepAlive)
            context.write(handler.wrapOutboundOut(.head(downstream)), promise: nil)
            connection?.demand()
        }
    }

    private func complete(status: Int, flags: Set<ResponseFlag>, whole: Bool, lastWrite: EventLoopFuture<Void>?) {
        if case .done = phase { return }
        phase = .done
        if holdsRetrySlot {
            holdsRetrySlot = false
            cluster?.releaseRetry()
        }
        record.responseCode = status
        record.responseBytes = responseBytes
        record.responseFlags.formUnion(flags)
        handler.requestFinished(record, keepAlive: keepAlive && whole, lastWrite: lastWrite)
    }

    private func endExchange(on connection: UpstreamConnection) {
        if connection.channel.eventLoop === loop {
            connection.endExchange()
        } else {
            connection.channel.eventLoop.execute { connection.endExchange() }
        }
    }
}
