import Foundation
import SwiftASN1
import X509

/// What the data path needs to know about a certificate seen on the wire: its serial,
/// validity and SPIFFE identity. Pure over DER bytes.
public struct CertificateFacts: Sendable, Hashable {
    public var serialHex: String
    public var notBefore: Date
    public var notAfter: Date
    /// The first `spiffe://` URI SAN, nil when there is none.
    public var spiffeURI: String?

    public init(derBytes: [UInt8]) throws {
        let certificate = try Certificate(derEncoded: derBytes)
        try self.init(certificate)
    }

    public init(pem: String) throws {
        try self.init(Certificate(pemEncoded: pem))
    }

    public init(_ certificate: Certificate) throws {
        serialHex = Self.hex(certificate.serialNumber)
        notBefore = certificate.notValidBefore
        notAfter = certificate.notValidAfter
        let names = (try? certificate.extensions.subjectAlternativeNames) ?? nil
        spiffeURI = names?.lazy.compactMap { name -> String? in
            if case .uniformResourceIdentifier(let uri) = name, uri.hasPrefix("spiffe://") { return uri }
            return nil
        }.first
    }

    static func hex(_ serial: Certificate.SerialNumber) -> String {
        serial.bytes.map { String(format: "%02x", $0) }.joined()
    }
}
