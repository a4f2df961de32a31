import CompressNIO
import Hummingbird
import NIOCore

/// Reads a `POST /api/v2/spans` body whole, within `limits.max_body_bytes` both as sent
/// and after gzip inflation, so neither a large body nor a gzip bomb can exhaust memory.
enum ZipkinBody {
    static func read(_ request: Request, maxBytes: Int) async throws(ZipkinError) -> [UInt8] {
        let tooLarge = ZipkinError(.contentTooLarge,
                                   "request body is larger than the limit of \(maxBytes) bytes (limits.max_body_bytes)")
        // Refused before reading when the client says how much it will send.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBytes {
            throw tooLarge
        }
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw .badRequest("cannot read the request body: \(error)")
        }
        // Zipkin inflates only a non-empty body whose encoding mentions gzip.
        switch try coding(request.headers[values: .contentEncoding]) {
        case .identity:
            return Array(buffer.readableBytesView)
        case .gzip:
            if buffer.readableBytes == 0 { return [] }
            do {
                let inflated = try buffer.decompress(with: .gzip(), maxSize: maxBytes)
                // Zipkin's own words for a body that inflates to nothing or fails to.
                if inflated.readableBytes == 0 { throw ZipkinError.badRequest("Cannot gunzip spans") }
                return Array(inflated.readableBytesView)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw ZipkinError(.contentTooLarge,
                                  "gzip body inflates to more than the limit of \(maxBytes) bytes (limits.max_body_bytes)")
            } catch let error as ZipkinError {
                throw error
            } catch {
                throw .badRequest("Cannot gunzip spans: \(error)")
            }
        }
    }

    enum Coding { case identity, gzip }

    /// `gzip`/`x-gzip` inflate, `identity` or none pass through. Any other coding cannot
    /// be read, so it is refused with 415 (RFC 9110, 15.5.16) rather than misread as JSON.
    static func coding(_ values: [String]) throws(ZipkinError) -> Coding {
        let codings = values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
        if codings.isEmpty { return .identity }
        if codings == ["gzip"] || codings == ["x-gzip"] { return .gzip }
        throw ZipkinError(.unsupportedMediaType,
                          "unsupported Content-Encoding \(values.joined(separator: ", ")): only gzip is accepted")
    }
}
