import NIOCore

/// One connection of `ProxyBenchUpstream`: answers every complete request in what arrived,
/// flushing once per read.
final class ProxyBenchUpstreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let ok: ByteBuffer
    private let accepted: ByteBuffer
    private let posts: ProxyBenchPostCounter
    private var pending: ByteBuffer?
    private var answered = false

    init(ok: ByteBuffer, accepted: ByteBuffer, posts: ProxyBenchPostCounter) {
        self.ok = ok
        self.accepted = accepted
        self.posts = posts
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        if pending == nil || pending!.readableBytes == 0 {
            pending = incoming
        } else {
            pending!.writeBuffer(&incoming)
        }
        do {
            while let buffer = pending, let message = try ProxyBenchFraming.next(in: buffer, isResponse: false) {
                pending!.moveReaderIndex(forwardBy: message.length)
                if message.isPost { posts.add(bytes: message.length) }
                context.write(wrapOutboundOut(message.isPost ? accepted : ok), promise: nil)
                answered = true
            }
        } catch {
            context.close(promise: nil)
        }
        if pending?.readableBytes == 0 { pending = nil }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if answered {
            answered = false
            context.flush()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
