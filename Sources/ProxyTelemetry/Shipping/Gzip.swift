import CompressNIO
import NIOCore

/// gzip through CompressNIO (the system zlib).
enum Gzip {
    /// The gzip member for the buffer's readable bytes, or nil if zlib fails.
    static func compress(_ buffer: inout ByteBuffer) -> ByteBuffer? {
        try? buffer.compress(with: .gzip())
    }
}
