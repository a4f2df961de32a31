import AsyncHTTPClient
import Foundation
import MeshCA
import NIOCore

/// Gets workload certificates from the collector's CA: `POST /api/v1/ca/certificates`
/// with the CSR (and the bootstrap token, re-read on every request so it can be rotated).
struct CollectorCertificateIssuer: CertificateIssuing {
    let baseURL: String
    let tokenFile: String?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func readToken(_ path: String) throws -> String {
        let token = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw Failure(description: "\(path) is empty") }
        return token
    }

    func issue(csrPEM: String, ttl: Duration?) async throws -> IssuedCertificate {
        var body: [String: String] = ["csr": csrPEM]
        if let ttl { body["ttl"] = "\(ttl.components.seconds)s" }
        var request = HTTPClientRequest(url: baseURL.trimmingSuffix("/") + "/api/v1/ca/certificates")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let tokenFile { request.headers.add(name: "Authorization", value: "Bearer \(try Self.readToken(tokenFile))") }
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let data = Data(bytes.readableBytesView)
        guard response.status == .ok else {
            let message = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["error"] as? String
            throw Failure(description: "CA answered \(response.status.code): \(message ?? String(decoding: data, as: UTF8.self))")
        }
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let chain = object["certificateChain"] as? [String], chain.count >= 2 else {
            throw Failure(description: "CA answer has no certificateChain")
        }
        let leaf = try CertificateFacts(pem: chain[0])
        guard let uri = leaf.spiffeURI, let identity = SPIFFEID(uri: uri) else {
            throw Failure(description: "issued certificate has no SPIFFE identity")
        }
        return IssuedCertificate(chainPEM: chain, notBefore: leaf.notBefore, notAfter: leaf.notAfter,
                                 serialHex: leaf.serialHex, identity: identity)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
