import CompressNIO
import Hummingbird
import NIOCore

/// gzip for pages, as the API already does for JSON: dashboards run to several hundred
/// KB of HTML (hover text), which compresses about tenfold. Only complete `text/html`
/// bodies of at least `threshold` bytes are touched, and only for clients that accept gzip.
struct HTMLCompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    var threshold = 1024

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard response.headers[.contentType]?.hasPrefix("text/html") == true, response.headers[.contentEncoding] == nil,
              let length = response.body.contentLength, length >= threshold,
              ResponseEncoding.acceptsGzip(request.headers[values: .acceptEncoding]) else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        guard var buffer = collector.buffer, let compressed = try? buffer.compress(with: .gzip()) else {
            response.body = .init(byteBuffer: collector.buffer ?? ByteBuffer())
            return response
        }
        response.headers[.contentEncoding] = "gzip"
        response.headers[.vary] = "Accept-Encoding"
        response.body = .init(byteBuffer: compressed)
        return response
    }
}

/// Gathers a response body written in one go; a class because `ResponseBody.write`
/// consumes its writer. Used within one task only, so it needs no Sendable.
private final class BodyCollector: ResponseBodyWriter {
    var buffer: ByteBuffer?

    func write(_ buffer: ByteBuffer) async throws {
        if self.buffer == nil { self.buffer = buffer } else { var copy = buffer; self.buffer!.writeBuffer(&copy) }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
