import NIOCore
import NIOHTTP1

/// Last handler of an upstream connection: hands the response parts of the current
/// exchange to its consumer through a stream, and reports the connection's end.
/// Lives on the channel's event loop; other tasks reach it through `NIOLoopBound`.
final class UpstreamResponseHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias Parts = AsyncThrowingStream<HTTPClientResponsePart, any Error>

    private var sink: Parts.Continuation?
    private var closed = false
    private let onClose: @Sendable () -> Void

    init(onClose: @escaping @Sendable () -> Void) {
        self.onClose = onClose
    }

    /// A fresh stream for the next exchange's response. Fails at once on a closed
    /// connection.
    func beginExchange() -> Parts {
        let (stream, continuation) = Parts.makeStream()
        sink?.finish(throwing: UpstreamFailure.reset)
        if closed {
            continuation.finish(throwing: UpstreamFailure.reset)
        } else {
            sink = continuation
        }
        return stream
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        sink?.yield(part)
        if case .end = part {
            sink?.finish()
            sink = nil
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        sink?.finish(throwing: UpstreamFailure.reset)
        sink = nil
        onClose()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A parse error or a reset: the connection is unusable either way.
        context.close(promise: nil)
    }
}
