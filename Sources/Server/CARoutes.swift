import Config
import Foundation
import Hummingbird
import MeshCA
import NIOCore

/// The mesh CA's endpoints (Istio's CSR service over plain JSON):
/// - `POST /api/v1/ca/certificates` `{"csr": PEM, "ttl": "24h"}` →
///   `{"certificateChain": [leaf PEM, root PEM], "expiresAt": RFC 3339, "serial": hex, "identity": URI}`
/// - `GET /api/v1/ca/root` → the root certificate, PEM.
///
/// Trust model: a caller proves nothing about itself but the bootstrap token
/// (`Authorization: Bearer`, from `ca.bootstrap_token_file`); any holder of the token may
/// get a certificate for any identity in the trust domain. Without a token file the
/// endpoint is served only while the collector listens on a loopback address, i.e. to
/// processes on this host. Errors use Prometheus' JSON envelope.
enum CARoutes {
    static let maxBodyBytes = 64 * 1024

    static func register(on router: Router<BasicRequestContext>, context: ServerContext) {
        let lookup: @Sendable () async -> Result<CAService?, any Error> = {
            let config = await context.config()
            return Result { try CAService.shared(for: config) }
        }
        register(on: router, service: lookup)
    }

    static func register(on router: Router<BasicRequestContext>,
                         service lookup: @escaping @Sendable () async -> Result<CAService?, any Error>) {
        router.get("/api/v1/ca/root") { request, _ -> Response in
            switch await lookup() {
            case .failure(let error):
                return APIEnvelope.error(request, APIError(.internal, "certificate authority unavailable: \(error)"))
            case .success(nil):
                return APIEnvelope.error(request, APIError(.notFound, "the certificate authority is disabled (ca.enabled)"))
            case .success(let service?):
                var headers = HTTPFields()
                headers[.contentType] = "application/x-pem-file"
                return Response(status: .ok, headers: headers,
                                body: .init(byteBuffer: ByteBuffer(string: service.authority.rootPEM)))
            }
        }
        router.post("/api/v1/ca/certificates") { request, _ -> Response in
            let service: CAService
            switch await lookup() {
            case .failure(let error):
                return APIEnvelope.error(request, APIError(.internal, "certificate authority unavailable: \(error)"))
            case .success(nil):
                return APIEnvelope.error(request, APIError(.notFound, "the certificate authority is disabled (ca.enabled)"))
            case .success(let found?):
                service = found
            }
            if let refusal = authorize(request, service: service) { return refusal }
            let body: [UInt8]
            do {
                body = try await RequestBody.read(request, maxBytes: maxBodyBytes)
            } catch let failure as RequestBody.Failure {
                return APIEnvelope.error(request, APIError(.badData, failure.message, status: failure.status))
            } catch {
                return APIEnvelope.error(request, APIError(.badData, "cannot read the request body: \(error)"))
            }
            let parsed: CSRRequest
            switch CSRRequest.parse(body) {
            case .failure(let message): return APIEnvelope.error(request, APIError(.badData, message))
            case .success(let value): parsed = value
            }
            do {
                let issued = try await service.authority.issue(csrPEM: parsed.csr, ttl: parsed.ttl)
                return issuedResponse(issued)
            } catch let error as CAError {
                return APIEnvelope.error(request, APIError(.badData, error.description))
            } catch {
                return APIEnvelope.error(request, APIError(.internal, "signing failed: \(error)"))
            }
        }
    }

    /// nil when the caller may proceed; otherwise the refusal.
    static func authorize(_ request: Request, service: CAService) -> Response? {
        let expected: String?
        do {
            expected = try service.bootstrapToken()
        } catch {
            return APIEnvelope.error(request, APIError(.internal, "cannot read ca.bootstrap_token_file: \(error)"))
        }
        guard let expected else {
            if service.listensOnLoopback { return nil }
            return APIEnvelope.error(request, APIError(
                .badData, "certificate issuing without ca.bootstrap_token_file is only served on a loopback listener",
                status: .forbidden))
        }
        let given = request.headers[.authorization].flatMap { value -> String? in
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            return String(parts[1]).trimmingCharacters(in: .whitespaces)
        }
        guard let given, constantTimeEqual(given, expected) else {
            var response = APIEnvelope.error(request, APIError(.badData, "a valid bootstrap token is required",
                                                               status: .unauthorized))
            response.headers[.wwwAuthenticate] = #"Bearer realm="meshscope-ca""#
            return response
        }
        return nil
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }

    static func issuedResponse(_ issued: IssuedCertificate) -> Response {
        let formatter = ISO8601DateFormatter()
        let object: [String: Any] = [
            "certificateChain": issued.chainPEM,
            "expiresAt": formatter.string(from: issued.notAfter),
            "notBefore": formatter.string(from: issued.notBefore),
            "serial": issued.serialHex,
            "identity": issued.identity.uri,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The body of `POST /api/v1/ca/certificates`.
struct CSRRequest: Sendable, Equatable {
    var csr: String
    var ttl: Duration?

    enum Parsed: Sendable, Equatable {
        case success(CSRRequest)
        case failure(String)
    }

    static func parse(_ body: [UInt8]) -> Parsed {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return .failure(#"body must be a JSON object {"csr": "<PEM>", "ttl": "24h"}"#)
        }
        guard let csr = object["csr"] as? String, !csr.isEmpty else {
            return .failure(#"missing "csr" (a PEM CERTIFICATE REQUEST)"#)
        }
        var ttl: Duration?
        if let value = object["ttl"] {
            guard let text = value as? String, let parsed = try? PromDuration(parsing: text), parsed > .zero else {
                return .failure(#"invalid "ttl": a duration such as "24h" or "90s" is expected"#)
            }
            ttl = .milliseconds(parsed.milliseconds)
        }
        return .success(CSRRequest(csr: csr, ttl: ttl))
    }
}
