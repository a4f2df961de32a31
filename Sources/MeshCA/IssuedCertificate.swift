import Foundation

/// A signed workload certificate and the chain to present with it.
public struct IssuedCertificate: Sendable, Hashable {
    /// Leaf first, then the root (Istio's `certificateChain` order).
    public var chainPEM: [String]
    public var notBefore: Date
    public var notAfter: Date
    /// Serial number as lower-case hex.
    public var serialHex: String
    public var identity: SPIFFEID

    public init(chainPEM: [String], notBefore: Date, notAfter: Date, serialHex: String, identity: SPIFFEID) {
        self.chainPEM = chainPEM
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.serialHex = serialHex
        self.identity = identity
    }

    public var leafPEM: String { chainPEM.first ?? "" }
    /// The root, last in the chain.
    public var rootPEM: String { chainPEM.count > 1 ? chainPEM[chainPEM.count - 1] : "" }
}

/// Something that signs a CSR: the in-process authority, or the collector over HTTP.
public protocol CertificateIssuing: Sendable {
    func issue(csrPEM: String, ttl: Duration?) async throws -> IssuedCertificate
}
