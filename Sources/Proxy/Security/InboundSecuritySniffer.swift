import Logging
import MeshPolicy
import NIOCore
import NIOHTTP1
import NIOSSL
import NIOTLS

/// First handler of an inbound connection under a PeerAuthentication, in front of the
/// proxy handler (which is there from the start, so the connection is registered and a
/// drain closes it even before it sent a byte): reads the first byte, decides
/// (`InboundSecurityDecision`), puts TLS and the peer check (mTLS) and the HTTP codec
/// between itself and the proxy handler, hands on the bytes read so far and leaves. The
/// mode and the certificate are read per connection, so a reload or a rotation applies
/// to the next connection.
final class InboundSecuritySniffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let mode: @Sendable () -> MutualTLSMode
    private let certificates: WorkloadCertificates?
    private let proxyHandler: ProxyConnectionHandler
    private let logger: Logger
    private var decided = false

    init(mode: @escaping @Sendable () -> MutualTLSMode, certificates: WorkloadCertificates?, logger: Logger,
         proxyHandler: ProxyConnectionHandler) {
        self.mode = mode
        self.certificates = certificates
        self.logger = logger
        self.proxyHandler = proxyHandler
    }

    func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !decided else {
            context.fireChannelRead(data)
            return
        }
        let buffer = unwrapInboundIn(data)
        guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return }
        decided = true
        let material = certificates?.current
        let decision = InboundSecurityDecision.decide(mode: mode(), firstByte: first, haveCertificate: material != nil)
        do {
            let pipeline = context.pipeline.syncOperations
            switch decision {
            case .reject(let reason):
                logger.debug("inbound connection refused", metadata: [
                    "reason": "\(reason)", "peer": "\(context.channel.remoteAddress?.description ?? "-")",
                ])
                context.close(promise: nil)
                return
            case .mutualTLS:
                guard let material, let certificates else { return }
                try pipeline.addHandler(NIOSSLServerHandler(context: material.serverContext), position: .before(proxyHandler))
                try pipeline.addHandler(PeerCertificateHandler(trustDomain: certificates.trustDomain, logger: logger),
                                        position: .before(proxyHandler))
            case .plaintext:
                break
            }
            try pipeline.configureHTTPServerPipeline(position: .before(proxyHandler), withErrorHandling: true)
        } catch {
            context.close(promise: nil)
            return
        }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}

/// After the server TLS handler: once the handshake is done, checks that the client's
/// certificate names a SPIFFE identity in the trust domain (its chain was verified
/// against the mesh root by the handshake) and tells the proxy handler who it is.
final class PeerCertificateHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let trustDomain: String
    private let logger: Logger

    init(trustDomain: String, logger: Logger) {
        self.trustDomain = trustDomain
        self.logger = logger
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls {
            let certificate = try? context.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self).peerCertificate
            guard let principal = MeshTLSMaterial.peerPrincipal(certificate, trustDomain: trustDomain) else {
                logger.debug("client certificate without a SPIFFE identity in \(trustDomain); closing")
                context.close(promise: nil)
                return
            }
            context.fireUserInboundEventTriggered(DownstreamSecurity.mutualTLS(peerPrincipal: principal))
        }
        context.fireUserInboundEventTriggered(event)
    }
}
