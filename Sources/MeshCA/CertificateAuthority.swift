import Crypto
import Foundation
import SwiftASN1
import X509

/// The mesh's certificate authority: one self-signed root signs short-lived workload
/// certificates whose only name is a SPIFFE URI in the trust domain. Immutable once made,
/// so it is shared freely between requests.
public final class CertificateAuthority: CertificateIssuing, Sendable {
    public let rootCertificate: Certificate
    let rootKey: Certificate.PrivateKey
    public let trustDomain: String
    /// TTL when the caller does not ask for one.
    public let defaultTTL: Duration
    /// A caller may ask for less, never for more than this.
    public let maximumTTL: Duration
    /// NotBefore is set this far in the past, for clocks slightly behind ours.
    public static let backdate: TimeInterval = 60

    public init(rootCertificate: Certificate, rootKey: Certificate.PrivateKey, trustDomain: String,
                defaultTTL: Duration = .seconds(86_400), maximumTTL: Duration? = nil) {
        self.rootCertificate = rootCertificate
        self.rootKey = rootKey
        self.trustDomain = trustDomain
        self.defaultTTL = defaultTTL
        self.maximumTTL = maximumTTL ?? max(defaultTTL, .seconds(7 * 86_400))
    }

    /// A new root: P-256, valid `validity` (10 years) from a minute ago.
    public static func makeRoot(trustDomain: String, key: P256.Signing.PrivateKey = P256.Signing.PrivateKey(),
                                validity: TimeInterval = 10 * 365.25 * 86_400,
                                now: Date = Date()) throws -> (Certificate, Certificate.PrivateKey) {
        let privateKey = Certificate.PrivateKey(key)
        let name = try DistinguishedName {
            OrganizationName(trustDomain)
            CommonName("MeshScope mesh root CA")
        }
        let publicKey = Certificate.PublicKey(key.publicKey)
        let certificate = try Certificate(
            version: .v3, serialNumber: randomSerial(), publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-backdate), notValidAfter: now.addingTimeInterval(validity),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: privateKey)
        return (certificate, privateKey)
    }

    public var rootPEM: String {
        (try? rootCertificate.serializeAsPEM().pemString) ?? ""
    }

    public func issue(csrPEM: String, ttl: Duration?) async throws -> IssuedCertificate {
        try issue(csrPEM: csrPEM, ttl: ttl, now: Date())
    }

    /// Checks the CSR (signature, key type, exactly one SPIFFE URI in the trust domain)
    /// and signs a leaf for it: digitalSignature + keyEncipherment, serverAuth + clientAuth.
    public func issue(csrPEM: String, ttl: Duration?, now: Date) throws -> IssuedCertificate {
        let csr = try CSRCheck.parse(csrPEM)
        let identity = try CSRCheck.identity(of: csr, trustDomain: trustDomain)
        let lifetime = ttl ?? defaultTTL
        guard lifetime >= .seconds(1) else { throw CAError.badTTL("must be at least 1s") }
        guard lifetime <= maximumTTL else { throw CAError.badTTL("longer than the maximum \(maximumTTL)") }
        let seconds = Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18
        let notBefore = now.addingTimeInterval(-Self.backdate)
        let notAfter = min(now.addingTimeInterval(seconds), rootCertificate.notValidAfter)
        let serial = Self.randomSerial()
        let leaf = try Certificate(
            version: .v3, serialNumber: serial, publicKey: csr.publicKey,
            notValidBefore: notBefore, notValidAfter: notAfter,
            issuer: rootCertificate.subject, subject: DistinguishedName(),
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth, .clientAuth])
                AuthorityKeyIdentifier(keyIdentifier: rootKeyIdentifier)
                // A certificate with an empty subject must mark its SAN critical (RFC 5280 4.2.1.6).
                Critical(SubjectAlternativeNames([.uniformResourceIdentifier(identity.uri)]))
            },
            issuerPrivateKey: rootKey)
        let leafPEM = try leaf.serializeAsPEM().pemString
        return IssuedCertificate(chainPEM: [leafPEM, rootPEM], notBefore: notBefore, notAfter: notAfter,
                                 serialHex: CertificateFacts.hex(serial), identity: identity)
    }

    private var rootKeyIdentifier: ArraySlice<UInt8>? {
        (try? rootCertificate.extensions.subjectKeyIdentifier)??.keyIdentifier
    }

    /// 128 random bits, positive (top bit clear).
    static func randomSerial() -> Certificate.SerialNumber {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        bytes[0] &= 0x7F
        bytes[0] |= 0x01
        return Certificate.SerialNumber(bytes: bytes)
    }
}
