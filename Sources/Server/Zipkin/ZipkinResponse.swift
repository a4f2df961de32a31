import Hummingbird
import NIOCore

/// A refusal on `/api/v2/*`: answered as Zipkin does, a plain-text body with the reason,
/// never the Prometheus JSON envelope.
struct ZipkinError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> ZipkinError { ZipkinError(.badRequest, message) }

    /// Armeria's refusal of a request without a mandatory `@Param`.
    static func missing(_ name: String) -> ZipkinError { .badRequest("Mandatory parameter is missing: \(name)") }
}

/// Zipkin's response shapes: JSON bodies (`application/json`), plain-text errors and the
/// empty `202 Accepted` of the collector.
enum ZipkinResponse {
    /// Zipkin (`ZipkinQueryApiV2.maybeCacheNames`) lets clients cache name lists once more
    /// than 3 services exist: small installs see new names at once.
    static let namesMaxAgeSeconds = 300

    static func json(_ bytes: [UInt8], cacheable: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if cacheable { headers[.cacheControl] = "max-age=\(namesMaxAgeSeconds), must-revalidate" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A JSON array of strings, escaped as span fields are.
    static func names(_ values: [String], cacheable: Bool) -> Response {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            escape(value, into: &out)
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "]"))
        return json(out, cacheable: cacheable)
    }

    static func error(_ error: ZipkinError) -> Response {
        PlainError.response(error.status, error.message)
    }

    static var accepted: Response { Response(status: .accepted) }

    /// Runs a handler, answering a `ZipkinError` as plain text and anything else (storage
    /// failures) as Zipkin's 500 with the message.
    static func respond(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as ZipkinError {
            return Self.error(error)
        } catch {
            return Self.error(ZipkinError(.internalServerError, "\(error)"))
        }
    }

    /// JSON string escaping as Zipkin's `JsonEscaper`: quote, backslash, control characters,
    /// U+2028 and U+2029; everything else raw UTF-8.
    static func escape(_ value: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out += [0x5c, 0x22]
            case 0x5c: out += [0x5c, 0x5c]
            case 0x0a: out += [0x5c, UInt8(ascii: "n")]
            case 0x0d: out += [0x5c, UInt8(ascii: "r")]
            case 0x09: out += [0x5c, UInt8(ascii: "t")]
            case 0..<0x20, 0x2028, 0x2029:
                let v = Int(scalar.value)
                out += Array("\\u".utf8) + [hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15]]
            default:
                out += Array(String(scalar).utf8)
            }
        }
    }
}
