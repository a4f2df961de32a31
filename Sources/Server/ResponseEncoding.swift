import CompressNIO
import Hummingbird
import NIOCore

/// gzip for exposition responses when the client asks for it (Prometheus always does).
enum ResponseEncoding {
    static func exposition(_ bytes: [UInt8], contentType: String, request: Request) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        var buffer = ByteBuffer(bytes: bytes)
        let acceptsGzip = request.headers[values: .acceptEncoding].contains { $0.lowercased().contains("gzip") }
        if acceptsGzip, let compressed = try? buffer.compress(with: .gzip()) {
            buffer = compressed
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }
}
