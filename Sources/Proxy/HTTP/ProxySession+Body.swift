import NIOCore
import NIOHTTP1

extension ProxySession {
    /// A request body read up to the buffer limit.
    struct BodyRead {
        /// The body (nil when empty), whole when `ended`.
        var buffer: ByteBuffer?
        var bytes: Int
        /// The request's end arrived.
        var ended: Bool
        /// Set when the body outgrew the limit: everything read so far; the rest is
        /// still on the connection.
        var overflow: ByteBuffer?
    }

    func readBody(_ parts: inout NIOAsyncChannelInboundStream<HTTPServerRequestPart>.AsyncIterator) async throws -> BodyRead {
        var read = BodyRead(buffer: nil, bytes: 0, ended: false, overflow: nil)
        while let part = try await parts.next() {
            switch part {
            case .body(var chunk):
                read.bytes += chunk.readableBytes
                if read.buffer == nil {
                    read.buffer = chunk
                } else {
                    read.buffer!.writeBuffer(&chunk)
                }
                if read.bytes > bodyBufferLimit {
                    read.overflow = read.buffer
                    read.buffer = nil
                    return read
                }
            case .end:
                read.ended = true
                return read
            case .head:
                // A new head before the end of this request: the peer is broken.
                return read
            }
        }
        return read
    }
}
