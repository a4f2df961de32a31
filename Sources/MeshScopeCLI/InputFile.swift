import CompressNIO
import Foundation
import NIOCore

/// Reads an input file, inflating it when it is gzip (by magic bytes, not by name).
enum InputFile {
    static func read(_ path: String) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard data.count >= 2, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b else {
            return [UInt8](data)
        }
        var buffer = ByteBuffer(bytes: data)
        let inflated = try buffer.decompress(with: .gzip())
        return Array(inflated.readableBytesView)
    }
}
