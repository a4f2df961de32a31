import Foundation
import MeshCA
import NIOSSL

/// One workload certificate ready for the wire: the TLS contexts built from it, for the
/// inbound listener (client certificate required, mesh root trusted) and for outbound
/// connections (server certificate verified against the mesh root; the SPIFFE identity
/// is checked after the handshake, not the host name).
public struct MeshTLSMaterial: Sendable {
    public let serverContext: NIOSSLContext
    public let clientContext: NIOSSLContext
    public let serialHex: String
    public let identity: SPIFFEID
    public let receivedAt: Date
    public let notAfter: Date

    public init(issued: IssuedCertificate, privateKeyPEM: String, receivedAt: Date = Date()) throws {
        let chain = try issued.chainPEM.dropLast().map { try NIOSSLCertificate(bytes: Array($0.utf8), format: .pem) }
        let root = try NIOSSLCertificate(bytes: Array(issued.rootPEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        var server = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                              privateKey: .privateKey(key))
        server.trustRoots = .certificates([root])
        server.certificateVerification = .noHostnameVerification
        server.minimumTLSVersion = .tlsv12
        var client = TLSConfiguration.makeClientConfiguration()
        client.certificateChain = chain.map { .certificate($0) }
        client.privateKey = .privateKey(key)
        client.trustRoots = .certificates([root])
        client.certificateVerification = .noHostnameVerification
        client.minimumTLSVersion = .tlsv12
        serverContext = try NIOSSLContext(configuration: server)
        clientContext = try NIOSSLContext(configuration: client)
        serialHex = issued.serialHex
        identity = issued.identity
        self.receivedAt = receivedAt
        notAfter = issued.notAfter
    }

    /// The SPIFFE URI of a peer certificate seen in a handshake, when it is in
    /// `trustDomain`; nil otherwise.
    public static func peerPrincipal(_ certificate: NIOSSLCertificate?, trustDomain: String) -> String? {
        guard let certificate, let der = try? certificate.toDERBytes(),
              let uri = (try? CertificateFacts(derBytes: der))?.spiffeURI,
              let id = SPIFFEID(uri: uri), id.trustDomain == trustDomain else { return nil }
        return id.uri
    }
}
