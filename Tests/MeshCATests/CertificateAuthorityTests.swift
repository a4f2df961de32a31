import Crypto
import SwiftASN1
import Foundation
import MeshCA
import Testing
import X509

@Suite struct CertificateAuthorityTests {
    static func authority(ttl: Duration = .seconds(86_400)) throws -> CertificateAuthority {
        let (root, key) = try CertificateAuthority.makeRoot(trustDomain: "cluster.local")
        return CertificateAuthority(rootCertificate: root, rootKey: key, trustDomain: "cluster.local", defaultTTL: ttl)
    }

    static let reviews = SPIFFEID(trustDomain: "cluster.local", namespace: "default", serviceAccount: "reviews")

    @Test func signsACSRIntoAVerifiableLeaf() async throws {
        let ca = try Self.authority()
        let workload = WorkloadKey(identity: Self.reviews)
        let now = Date()
        let issued = try ca.issue(csrPEM: try workload.csrPEM(), ttl: nil, now: now)
        #expect(issued.chainPEM.count == 2)
        #expect(issued.rootPEM == ca.rootPEM)
        let leaf = try Certificate(pemEncoded: issued.leafPEM)
        let names = try #require(try leaf.extensions.subjectAlternativeNames)
        #expect(Array(names) == [.uniformResourceIdentifier("spiffe://cluster.local/ns/default/sa/reviews")])
        #expect(abs(leaf.notValidAfter.timeIntervalSince(now) - 86_400) < 2)
        #expect(leaf.notValidBefore < now.addingTimeInterval(-30))
        let usage = try #require(try leaf.extensions.keyUsage)
        #expect(usage.digitalSignature && usage.keyEncipherment && !usage.keyCertSign)
        let eku = try #require(try leaf.extensions.extendedKeyUsage)
        #expect(eku.contains(.serverAuth) && eku.contains(.clientAuth))
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)
        let facts = try CertificateFacts(pem: issued.leafPEM)
        #expect(facts.spiffeURI == Self.reviews.uri)
        #expect(facts.serialHex == issued.serialHex)

        var verifier = Verifier(rootCertificates: CertificateStore([ca.rootCertificate])) {
            RFC5280Policy(validationTime: now)
            SPIFFELeafPolicy(trustDomain: "cluster.local")
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore())
        guard case .validCertificate(let chain) = result else {
            Issue.record("chain does not verify: \(result)")
            return
        }
        #expect(chain.count == 2)
    }

    @Test func honoursTheRequestedTTLAndSerialsDiffer() throws {
        let ca = try Self.authority()
        let workload = WorkloadKey(identity: Self.reviews)
        let now = Date()
        let a = try ca.issue(csrPEM: try workload.csrPEM(), ttl: .seconds(10), now: now)
        let b = try ca.issue(csrPEM: try workload.csrPEM(), ttl: .seconds(10), now: now)
        #expect(abs(a.notAfter.timeIntervalSince(now) - 10) < 1)
        #expect(a.serialHex != b.serialHex)
        #expect(throws: CAError.self) { try ca.issue(csrPEM: try workload.csrPEM(), ttl: .seconds(400 * 86_400), now: now) }
    }

    @Test func rejectsBadCSRs() throws {
        let ca = try Self.authority()
        #expect(throws: CAError.self) { try ca.issue(csrPEM: "not pem", ttl: nil, now: Date()) }
        let foreign = WorkloadKey(identity: SPIFFEID(trustDomain: "evil.example", namespace: "default", serviceAccount: "x"))
        #expect {
            try ca.issue(csrPEM: try foreign.csrPEM(), ttl: nil, now: Date())
        } throws: { error in
            guard case CAError.badIdentity(let why) = error else { return false }
            return why.contains("evil.example")
        }
        // A CSR with a DNS name instead of a SPIFFE URI.
        let key = P256.Signing.PrivateKey()
        let extensions = try Certificate.Extensions { SubjectAlternativeNames([.dnsName("reviews")]) }
        let csr = try CertificateSigningRequest(
            version: .v1, subject: DistinguishedName(), privateKey: Certificate.PrivateKey(key),
            attributes: CertificateSigningRequest.Attributes([try .init(ExtensionRequest(extensions: extensions))]),
            signatureAlgorithm: .ecdsaWithSHA256)
        #expect(throws: CAError.self) { try ca.issue(csrPEM: try csr.serializeAsPEM().pemString, ttl: nil, now: Date()) }
        // Two URIs.
        let two = try Certificate.Extensions {
            SubjectAlternativeNames([.uniformResourceIdentifier(Self.reviews.uri),
                                     .uniformResourceIdentifier("spiffe://cluster.local/ns/default/sa/other")])
        }
        let csr2 = try CertificateSigningRequest(
            version: .v1, subject: DistinguishedName(), privateKey: Certificate.PrivateKey(key),
            attributes: CertificateSigningRequest.Attributes([try .init(ExtensionRequest(extensions: two))]),
            signatureAlgorithm: .ecdsaWithSHA256)
        #expect(throws: CAError.self) { try ca.issue(csrPEM: try csr2.serializeAsPEM().pemString, ttl: nil, now: Date()) }
    }

    @Test func rejectsATamperedSignature() throws {
        let ca = try Self.authority()
        let workload = WorkloadKey(identity: Self.reviews)
        let good = try CertificateSigningRequest(pemEncoded: try workload.csrPEM())
        let other = P256.Signing.PrivateKey()
        // The info of one key, signed by another.
        let forged = try CertificateSigningRequest(
            version: good.version, subject: good.subject, publicKey: good.publicKey, attributes: good.attributes,
            signatureAlgorithm: .ecdsaWithSHA256,
            signature: try Certificate.PrivateKey(other).sign(bytes: [1, 2, 3], signatureAlgorithm: .ecdsaWithSHA256))
        #expect(throws: CAError.badCSRSignature) {
            try ca.issue(csrPEM: try forged.serializeAsPEM().pemString, ttl: nil, now: Date())
        }
    }

    @Test func spiffeIDParsing() {
        #expect(SPIFFEID(uri: "spiffe://cluster.local/ns/default/sa/reviews") == Self.reviews)
        #expect(SPIFFEID(uri: "spiffe://cluster.local/ns/default") == nil)
        #expect(SPIFFEID(uri: "spiffe://cluster.local/ns//sa/x") == nil)
        #expect(SPIFFEID(uri: "https://cluster.local/ns/a/sa/b") == nil)
        #expect(SPIFFEID(uri: "spiffe://cluster.local/ns/a/sa/b/extra") == nil)
    }

    @Test func storeCreatesThenLoadsTheSameRootWithPrivateKeyPermissions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meshca-\(UUID().uuidString)/ca")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let first = try CAStore.loadOrCreate(directory: dir, trustDomain: "cluster.local", defaultTTL: .seconds(60))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(CAStore.keyFile).path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let second = try CAStore.loadOrCreate(directory: dir, trustDomain: "cluster.local", defaultTTL: .seconds(60))
        #expect(first.rootPEM == second.rootPEM)
        let validity = first.rootCertificate.notValidAfter.timeIntervalSince(first.rootCertificate.notValidBefore)
        #expect(validity > 9.9 * 365 * 86_400)
        // A certificate issued by the reloaded root verifies against the first one's PEM.
        let issued = try second.issue(csrPEM: try WorkloadKey(identity: Self.reviews).csrPEM(), ttl: nil, now: Date())
        #expect(issued.rootPEM == first.rootPEM)
    }
}

/// The leaf's (critical) SAN must be exactly one SPIFFE URI in the trust domain: the
/// check a mesh peer makes instead of host-name verification.
struct SPIFFELeafPolicy: VerifierPolicy {
    let trustDomain: String
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [.X509ExtensionID.subjectAlternativeName]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let names = try? chain.leaf.extensions.subjectAlternativeNames, names.count == 1,
              case .uniformResourceIdentifier(let uri) = names.first,
              SPIFFEID(uri: uri)?.trustDomain == trustDomain else {
            return .failsToMeetPolicy(reason: "leaf is not a SPIFFE identity in \(trustDomain)")
        }
        return .meetsPolicy
    }
}
