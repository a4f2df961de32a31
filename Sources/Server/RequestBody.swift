import CompressNIO
import Hummingbird
import NIOCore

/// Reads an ingest body whole (`POST /api/v2/spans`, `POST /api/v1/logs`) within a limit
/// that holds both as sent and after gzip inflation, so neither a large body nor a gzip
/// bomb can exhaust memory. Each protocol words the refusal its own way.
enum RequestBody {
    enum Failure: Error, Sendable, Equatable {
        /// Over the limit as sent (413).
        case tooLarge(limit: Int)
        /// Inflates past the limit (413).
        case inflatesTooLarge(limit: Int)
        /// A Content-Encoding other than gzip or identity (415).
        case unsupportedEncoding(String)
        /// Gzip that does not inflate, or inflates to nothing (400).
        case cannotGunzip(String?)
        /// The connection failed while reading (400).
        case unreadable(String)

        var status: HTTPResponse.Status {
            switch self {
            case .tooLarge, .inflatesTooLarge: .contentTooLarge
            case .unsupportedEncoding: .unsupportedMediaType
            case .cannotGunzip, .unreadable: .badRequest
            }
        }

        /// The reason in MeshScope's words; Zipkin keeps its own for gunzip failures.
        var message: String {
            switch self {
            case .tooLarge(let limit):
                "request body is larger than the limit of \(limit) bytes (limits.max_body_bytes)"
            case .inflatesTooLarge(let limit):
                "gzip body inflates to more than the limit of \(limit) bytes (limits.max_body_bytes)"
            case .unsupportedEncoding(let values):
                "unsupported Content-Encoding \(values): only gzip is accepted"
            case .cannotGunzip(let detail):
                "cannot gunzip the body" + (detail.map { ": \($0)" } ?? "")
            case .unreadable(let detail):
                "cannot read the request body: \(detail)"
            }
        }
    }

    static func read(_ request: Request, maxBytes: Int) async throws(Failure) -> [UInt8] {
        // Refused before reading when the client says how much it will send.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBytes {
            throw .tooLarge(limit: maxBytes)
        }
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw .tooLarge(limit: maxBytes)
        } catch {
            throw .unreadable("\(error)")
        }
        // Only a non-empty body whose encoding mentions gzip is inflated (Zipkin's rule too).
        switch try coding(request.headers[values: .contentEncoding]) {
        case .identity:
            return Array(buffer.readableBytesView)
        case .gzip:
            if buffer.readableBytes == 0 { return [] }
            let inflated: ByteBuffer
            do {
                inflated = try buffer.decompress(with: .gzip(), maxSize: maxBytes)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw .inflatesTooLarge(limit: maxBytes)
            } catch {
                throw .cannotGunzip("\(error)")
            }
            if inflated.readableBytes == 0 { throw .cannotGunzip(nil) }
            return Array(inflated.readableBytesView)
        }
    }

    enum Coding { case identity, gzip }

    /// `gzip`/`x-gzip` inflate, `identity` or none pass through. Any other coding cannot
    /// be read, so it is refused with 415 (RFC 9110, 15.5.16) rather than misread.
    static func coding(_ values: [String]) throws(Failure) -> Coding {
        let codings = values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
        if codings.isEmpty { return .identity }
        if codings == ["gzip"] || codings == ["x-gzip"] { return .gzip }
        throw .unsupportedEncoding(values.joined(separator: ", "))
    }
}
