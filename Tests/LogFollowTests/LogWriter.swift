import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A writer holding its log file open in append mode, like a proxy writing an access log:
/// it keeps writing to the same file after the file is renamed, until it reopens the path.
final class LogWriter {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0, "open \(path) failed: errno \(errno)")
    }

    deinit {
        close(descriptor)
    }

    func append(_ text: String) throws {
        try append(bytes: Array(text.utf8))
    }

    func append(bytes: [UInt8]) throws {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        try #require(written == bytes.count, "write failed: errno \(errno)")
    }
}
