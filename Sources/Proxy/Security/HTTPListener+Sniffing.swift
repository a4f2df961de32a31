import Logging
import MeshPolicy
import NIOCore

extension HTTPListener {
    /// The inbound listener under a PeerAuthentication: each connection starts with an
    /// `InboundSecuritySniffer`, which builds TLS (or not) and the HTTP pipeline once the
    /// client's first byte arrived.
    static func bindSniffing(host: String, port: Int, group: any EventLoopGroup,
                             mode: @escaping @Sendable () -> MutualTLSMode, certificates: WorkloadCertificates?,
                             logger: Logger, makeHandler: @escaping @Sendable () -> ProxyConnectionHandler)
        async throws -> NIOAsyncChannel<any Channel, Never> {
        try await bootstrap(group)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let proxyHandler = makeHandler()
                    try channel.pipeline.syncOperations.addHandler(
                        InboundSecuritySniffer(mode: mode, certificates: certificates, logger: logger,
                                               proxyHandler: proxyHandler))
                    try channel.pipeline.syncOperations.addHandler(proxyHandler)
                    return channel
                }
            }
    }
}
