import NIOCore
import NIOSSL
import NIOTLS

/// After the client TLS handler of an upstream connection: fulfils `promise` with the
/// server's SPIFFE identity once the handshake verified its chain, or fails it when the
/// handshake fails, the identity is not in the trust domain, or the channel closes first.
final class UpstreamHandshakeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    struct UntrustedPeer: Error {}

    private let trustDomain: String
    private var promise: EventLoopPromise<String>?

    init(trustDomain: String, promise: EventLoopPromise<String>) {
        self.trustDomain = trustDomain
        self.promise = promise
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls, let promise {
            self.promise = nil
            let certificate = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate
            if let principal = MeshTLSMaterial.peerPrincipal(certificate, trustDomain: trustDomain) {
                promise.succeed(principal)
            } else {
                promise.fail(UntrustedPeer())
                context.close(promise: nil)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let promise {
            self.promise = nil
            promise.fail(error)
        }
        context.fireErrorCaught(error)
    }

    /// A connect that fails tears the pipeline down without `channelInactive`.
    func handlerRemoved(context: ChannelHandlerContext) {
        if let promise {
            self.promise = nil
            promise.fail(ChannelError.ioOnClosedChannel)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let promise {
            self.promise = nil
            promise.fail(ChannelError.ioOnClosedChannel)
        }
        context.fireChannelInactive()
    }
}
