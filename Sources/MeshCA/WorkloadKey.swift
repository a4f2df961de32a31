import Crypto
import X509

/// The workload's side of issuance: a fresh P-256 key and a CSR for its SPIFFE identity.
/// The private key never leaves the process.
public struct WorkloadKey: Sendable {
    public let identity: SPIFFEID
    let key: P256.Signing.PrivateKey

    public init(identity: SPIFFEID) {
        self.identity = identity
        key = P256.Signing.PrivateKey()
    }

    /// PKCS#8 PEM of the private key, for the TLS stack.
    public var privateKeyPEM: String { key.pemRepresentation }

    public func csrPEM() throws -> String {
        let extensions = try Certificate.Extensions {
            SubjectAlternativeNames([.uniformResourceIdentifier(identity.uri)])
        }
        let attributes = CertificateSigningRequest.Attributes(
            [try .init(ExtensionRequest(extensions: extensions))])
        let csr = try CertificateSigningRequest(
            version: .v1, subject: DistinguishedName(), privateKey: Certificate.PrivateKey(key),
            attributes: attributes, signatureAlgorithm: .ecdsaWithSHA256)
        return try csr.serializeAsPEM().pemString
    }
}
