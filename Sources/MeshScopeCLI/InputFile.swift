import CompressNIO
import Foundation
import NIOCore

/// Reads an input file: memory-mapped as it is (a multi-gigabyte backfill file is not
/// copied into memory), or inflated when it is gzip (by magic bytes, not by name).
enum InputFile {
    static func read(_ path: String) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        guard data.count >= 2, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b else {
            return data
        }
        var buffer = ByteBuffer(bytes: data)
        let inflated = try buffer.decompress(with: .gzip())
        return Data(inflated.readableBytesView)
    }
}
