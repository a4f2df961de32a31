import SwiftASN1
import X509

/// The checks a CSR passes before it is signed. Pure.
enum CSRCheck {
    static let maxPEMBytes = 16_384

    static func parse(_ pem: String) throws -> CertificateSigningRequest {
        guard pem.utf8.count <= maxPEMBytes else { throw CAError.malformedCSR("larger than \(maxPEMBytes) bytes") }
        let csr: CertificateSigningRequest
        do {
            csr = try CertificateSigningRequest(pemEncoded: pem)
        } catch {
            throw CAError.malformedCSR("not a PEM CERTIFICATE REQUEST (\(error))")
        }
        guard csr.publicKey.isValidSignature(csr.signature, for: csr) else { throw CAError.badCSRSignature }
        return csr
    }

    /// The one SPIFFE identity the CSR asks for, in the trust domain.
    static func identity(of csr: CertificateSigningRequest, trustDomain: String) throws -> SPIFFEID {
        let request: ExtensionRequest?
        do {
            request = try csr.attributes.extensionRequest
        } catch {
            throw CAError.malformedCSR("unreadable extension request (\(error))")
        }
        guard let extensions = request?.extensions,
              let names = try? extensions.subjectAlternativeNames else {
            throw CAError.badIdentity("no subjectAltName extension request")
        }
        guard names.count == 1, case .uniformResourceIdentifier(let uri) = names.first else {
            throw CAError.badIdentity("exactly one URI SAN is required, found \(names.count) names")
        }
        guard let id = SPIFFEID(uri: uri) else {
            throw CAError.badIdentity("\(uri) is not spiffe://<trust-domain>/ns/<namespace>/sa/<service-account>")
        }
        guard id.trustDomain == trustDomain else {
            throw CAError.badIdentity("trust domain \(id.trustDomain) is not \(trustDomain)")
        }
        return id
    }
}
