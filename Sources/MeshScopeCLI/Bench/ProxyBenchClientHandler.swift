import NIOCore

/// One keep-alive load connection: sends the pre-encoded request, waits for the whole
/// response, sends the next, all on its event loop (no task hops between requests), until
/// `limit` requests or `deadline`. Timestamps come from the monotonic clock around each
/// exchange, so the same client overhead lands in every target's latency.
final class ProxyBenchClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let request: ByteBuffer
    private let warmup: Int
    private let limit: Int
    private let deadline: NIODeadline
    private let keepLatencies: Bool
    private let promise: EventLoopPromise<ProxyBenchConnectionResult>
    private var result = ProxyBenchConnectionResult()
    private var pending: ByteBuffer?
    private var sent = 0
    private var sentAt: UInt64 = 0
    private var finished = false
    private var watchdog: Scheduled<Void>?

    init(request: ByteBuffer, warmup: Int, limit: Int, deadline: NIODeadline, keepLatencies: Bool,
         promise: EventLoopPromise<ProxyBenchConnectionResult>) {
        self.request = request
        self.warmup = warmup
        self.limit = limit
        self.deadline = deadline
        self.keepLatencies = keepLatencies
        self.promise = promise
        if keepLatencies { result.latencies.reserveCapacity(max(0, limit - warmup)) }
    }

    func channelActive(context: ChannelHandlerContext) {
        // A target that stops answering must not hang the benchmark.
        let promise = self.promise
        let channel = context.channel
        watchdog = context.eventLoop.scheduleTask(deadline: deadline + .seconds(30)) {
            promise.fail(CommandFailure("no answer within 30 s of the deadline"))
            channel.close(promise: nil)
        }
        send(context, at: NIODeadline.now().uptimeNanoseconds)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        if pending == nil || pending!.readableBytes == 0 {
            pending = incoming
        } else {
            pending!.writeBuffer(&incoming)
        }
        do {
            while !finished, let buffer = pending, let message = try ProxyBenchFraming.next(in: buffer, isResponse: true) {
                let now = NIODeadline.now().uptimeNanoseconds
                pending!.moveReaderIndex(forwardBy: message.length)
                received(message, context: context, now: now)
            }
        } catch {
            finish(context, failure: error)
        }
        if pending?.readableBytes == 0 { pending = nil }
    }

    private func received(_ message: ProxyBenchFraming.Message, context: ChannelHandlerContext, now: UInt64) {
        if message.status != 200 {
            result.failures += 1
            if result.firstFailure == nil { result.firstFailure = "status \(message.status)" }
        }
        let index = sent - 1
        let inTime = now < deadline.uptimeNanoseconds
        if index >= warmup, inTime {
            result.completed += 1
            if keepLatencies { result.latencies.append(Double(now - sentAt) / 1e9) }
        }
        if sent < limit, inTime {
            send(context, at: now)
        } else {
            finish(context, failure: nil)
        }
    }

    private func send(_ context: ChannelHandlerContext, at now: UInt64) {
        sent += 1
        sentAt = now
        context.writeAndFlush(wrapOutboundOut(request), promise: nil)
    }

    private func finish(_ context: ChannelHandlerContext, failure: (any Error)?) {
        guard !finished else { return }
        finished = true
        watchdog?.cancel()
        if let failure { promise.fail(failure) } else { promise.succeed(result) }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !finished {
            finish(context, failure: CommandFailure("the target closed the connection after \(sent) requests"))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(context, failure: error)
    }
}
