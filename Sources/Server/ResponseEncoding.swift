import CompressNIO
import Foundation
import Hummingbird
import NIOCore

/// gzip for exposition responses when the client asks for it (Prometheus always does).
enum ResponseEncoding {
    static func exposition(_ bytes: [UInt8], contentType: String, request: Request) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        var buffer = ByteBuffer(bytes: bytes)
        if acceptsGzip(request.headers[values: .acceptEncoding]), let compressed = try? buffer.compress(with: .gzip()) {
            buffer = compressed
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// A `gzip` (or `x-gzip`) coding whose q-value is not 0: `gzip;q=0` refuses gzip
    /// (RFC 9110, 12.5.3), so a substring match is not enough.
    static func acceptsGzip(_ values: [String]) -> Bool {
        values.flatMap { $0.split(separator: ",") }.contains { coding in
            let parts = coding.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first, name == "gzip" || name == "x-gzip" else { return false }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }
}
