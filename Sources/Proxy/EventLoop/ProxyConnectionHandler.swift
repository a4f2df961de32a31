import MeshPolicy
import NIOCore
import NIOHTTP1

/// Serves one downstream HTTP/1.1 connection on its event loop. A request whose body
/// fits the retry buffer and whose route needs no timer beyond retry backoff is
/// forwarded right here (`EventLoopExchange`): no task, no hop between threads. Fault
/// delays, timeouts and bodies too big to buffer go to `ProxySession.respond` in a task.
/// HTTP/1.1 pipelining is held back by NIO's pipeline handler, so one request is in
/// flight at a time.
final class ProxyConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private struct Reading {
        var request: ProxyRequest
        var record: ObservedRequest
        var body: ByteBuffer?
    }

    private enum State {
        case idle
        /// Collecting a body small enough to keep for retries.
        case reading(Reading)
        /// The body outgrew the buffer: the rest flows through the pipe to the task.
        case streaming(BodyPipe)
        /// Read; the answer is under way.
        case responding
    }

    let session: ProxySession
    private var state = State.idle
    private var registryID: Int?
    private var began = ContinuousClock.now
    private var requestBytes = 0
    private var exchange: EventLoopExchange?
    /// Parts of a pipelined request that arrived before the previous one was finished.
    private var deferred: [HTTPServerRequestPart] = []
    private var context: ChannelHandlerContext?

    init(session: ProxySession) {
        self.session = session
    }

    /// How the connection arrived (told by `PeerCertificateHandler` after an mTLS handshake).
    private var security = DownstreamSecurity.plaintext

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        // Added after the first bytes by `InboundSecuritySniffer`: the channel is active already.
        if context.channel.isActive { register(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context)
        context.fireChannelActive()
    }

    private func register(_ context: ChannelHandlerContext) {
        guard registryID == nil else { return }
        guard let id = session.registry.register(context.channel) else {
            context.close(promise: nil)
            return
        }
        registryID = id
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let security = event as? DownstreamSecurity {
            self.security = security
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let registryID { session.registry.remove(registryID) }
        registryID = nil
        switch state {
        case .streaming(let pipe): pipe.finish()
        case .responding: exchange?.downstreamClosed()
        case .idle, .reading: break
        }
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { exchange?.downstreamWritable() }
        context.fireChannelWritabilityChanged()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        // NIO's pipeline handler hands over the next pipelined request while the end of
        // this response is being written, before this request is recorded: it waits.
        if case .responding = state {
            deferred.append(part)
            return
        }
        handle(part, context: context)
    }

    private func handle(_ part: HTTPServerRequestPart, context: ChannelHandlerContext) {
        switch part {
        case .head(let head):
            guard case .idle = state else { return }
            if let registryID { session.registry.setBusy(registryID, true) }
            began = .now
            requestBytes = 0
            let (request, begun) = session.begin(head, remote: context.channel.remoteAddress,
                                                 local: context.channel.localAddress)
            var record = begun
            if case .mutualTLS(let principal) = security {
                record.downstreamMutualTLS = true
                record.downstreamPeerPrincipal = principal
            }
            if head.headers.first(name: "expect")?.lowercased() == "100-continue" {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))),
                                      promise: nil)
            }
            state = .reading(Reading(request: request, record: record, body: nil))
        case .body(var chunk):
            requestBytes += chunk.readableBytes
            switch state {
            case .reading(var reading):
                state = .responding  // drop the reference so that appending does not copy
                if reading.body == nil {
                    reading.body = chunk
                } else {
                    reading.body!.writeBuffer(&chunk)
                }
                if requestBytes > session.bodyBufferLimit {
                    startStreaming(reading, context: context)
                } else {
                    state = .reading(reading)
                }
            case .streaming(let pipe):
                let loop = context.eventLoop
                let channel = context.channel
                let keepReading = pipe.offer(chunk) {
                    loop.execute {
                        channel.setOption(ChannelOptions.autoRead, value: true).whenSuccess { channel.read() }
                    }
                }
                if !keepReading { _ = context.channel.setOption(ChannelOptions.autoRead, value: false) }
            case .idle, .responding:
                break
            }
        case .end:
            switch state {
            case .reading(let reading):
                state = .responding
                dispatch(reading, context: context)
            case .streaming(let pipe):
                state = .responding
                pipe.finish()
            case .idle, .responding:
                break
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func dispatch(_ reading: Reading, context: ChannelHandlerContext) {
        var request = reading.request
        request.body = .buffered(reading.body)
        let plan = session.makePlan(request)
        let keepAlive = request.head.isKeepAlive && !session.registry.isDraining
        if plan.delay == nil, plan.timeout == nil, plan.retry.perTryTimeout == nil {
            let exchange = EventLoopExchange(handler: self, context: context, forwarder: session.forwarder,
                                             request: request, plan: plan, record: reading.record, keepAlive: keepAlive)
            self.exchange = exchange
            exchange.start()
        } else {
            respondInTask(request, plan: plan, record: reading.record, keepAlive: keepAlive, context: context)
        }
    }

    /// The first part of a big body is read: forwarding starts in a task while the rest
    /// streams through a pipe.
    private func startStreaming(_ reading: Reading, context: ChannelHandlerContext) {
        let pipe = BodyPipe()
        var request = reading.request
        request.body = .streaming(prefix: reading.body ?? ByteBuffer(), rest: pipe)
        state = .streaming(pipe)
        let plan = session.makePlan(request)
        let keepAlive = request.head.isKeepAlive && !session.registry.isDraining
        respondInTask(request, plan: plan, record: reading.record, keepAlive: keepAlive, context: context)
    }

    private func respondInTask(_ request: ProxyRequest, plan: ForwardPlan, record: ObservedRequest, keepAlive: Bool,
                               context: ChannelHandlerContext) {
        let session = self.session
        let writer = DownstreamWriter(channel: context.channel)
        let loop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: loop)
        Task {
            let (record, keepAlive) = await session.respond(request, plan: plan, record: record, keepAlive: keepAlive,
                                                            writer: writer)
            loop.execute { handler.value.requestFinished(record, keepAlive: keepAlive, lastWrite: nil) }
        }
    }

    /// The answer is written (or given up): records the request, then waits for the
    /// next one or closes once `lastWrite` is done.
    func requestFinished(_ finished: ObservedRequest, keepAlive: Bool, lastWrite: EventLoopFuture<Void>?) {
        var record = finished
        record.requestBytes = requestBytes
        record.durationMicros = Forwarder.micros(began.duration(to: .now))
        exchange = nil
        if case .streaming = state {
            // The answer came before the whole body: the rest cannot be skipped safely.
            state = .responding
            session.observer.requestCompleted(record)
            context?.close(promise: nil)
            return
        }
        session.observer.requestCompleted(record)
        state = .idle
        let open = registryID.map { session.registry.setBusy($0, false) } ?? false
        guard let context else { return }
        if keepAlive && open {
            let waiting = deferred
            deferred = []
            for part in waiting { handle(part, context: context) }
            return
        }
        deferred = []
        if let lastWrite {
            let channel = context.channel
            lastWrite.whenComplete { _ in channel.close(promise: nil) }
        } else {
            context.close(promise: nil)
        }
    }
}
