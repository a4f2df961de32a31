import Foundation
import NIOCore

/// Just enough HTTP/1.1 framing for `bench proxy`'s client and upstream: where one message
/// (head plus a Content-Length or chunked body) ends in a buffer, and its first line. No
/// header dictionary and no copies, so the load generator costs the same few microseconds
/// for every target and stays out of the figures.
enum ProxyBenchFraming {
    /// What the head of a complete message said.
    struct Message {
        /// Bytes of the whole message (head and body).
        let length: Int
        /// The status code of a response, or 0 for a request.
        let status: Int
        /// The request starts with "POST ".
        let isPost: Bool
    }

    /// The first complete message at the reader index, or nil until more bytes arrive.
    static func next(in buffer: ByteBuffer, isResponse: Bool) throws -> Message? {
        try buffer.withUnsafeReadableBytes { raw -> Message? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let headEnd = headEnd(bytes) else { return nil }
            var contentLength: Int?
            var chunked = false
            // Header lines start after the first CRLF and end at headEnd - 2.
            var lineStart = (firstCRLF(bytes) ?? 0) + 2
            while lineStart < headEnd - 2 {
                var lineEnd = lineStart
                while lineEnd + 1 < headEnd, !(bytes[lineEnd] == 13 && bytes[lineEnd + 1] == 10) { lineEnd += 1 }
                if let value = value(of: "content-length", in: bytes, lineStart, lineEnd) {
                    contentLength = Int(value)
                } else if let value = value(of: "transfer-encoding", in: bytes, lineStart, lineEnd) {
                    chunked = value.lowercased().contains("chunked")
                }
                lineStart = lineEnd + 2
            }
            let status = isResponse ? statusCode(bytes) : 0
            let isPost = !isResponse && bytes.count > 4 && bytes[0] == 0x50 && bytes[1] == 0x4F  // "PO"
            if chunked {
                guard let end = chunkedEnd(bytes, from: headEnd) else { return nil }
                return Message(length: end, status: status, isPost: isPost)
            }
            if contentLength == nil, isResponse, status >= 200, status != 204, status != 304 {
                throw CommandFailure("a response without Content-Length or chunked encoding (status \(status))")
            }
            let total = headEnd + (contentLength ?? 0)
            return total <= bytes.count ? Message(length: total, status: status, isPost: isPost) : nil
        }
    }

    /// Offset just past "\r\n\r\n".
    private static func headEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var i = 0
        while i + 3 < bytes.count {
            if bytes[i + 3] != 10 { i += 1; continue }  // most positions fail on the last byte
            if bytes[i] == 13, bytes[i + 1] == 10, bytes[i + 2] == 13 { return i + 4 }
            i += 1
        }
        return nil
    }

    private static func firstCRLF(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 13, bytes[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// "HTTP/1.1 200 ..." -> 200.
    private static func statusCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count > 12 else { return 0 }
        var code = 0
        for i in 9..<12 {
            let digit = Int(bytes[i]) - 48
            guard (0...9).contains(digit) else { return 0 }
            code = code * 10 + digit
        }
        return code
    }

    /// The trimmed value when the line's name equals `name` (lowercase ASCII).
    private static func value(of name: StaticString, in bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        let count = name.utf8CodeUnitCount
        guard end - start > count, bytes[start + count] == 0x3A else { return nil }  // ':'
        let matches = name.withUTF8Buffer { lower in
            (0..<count).allSatisfy { bytes[start + $0] | 0x20 == lower[$0] | 0x20 }
        }
        guard matches else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + count + 1)..<end]), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Offset just past the last chunk and its empty trailer, or nil if incomplete.
    private static func chunkedEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start
        while true {
            var size = 0
            var i = position
            while i < bytes.count, let digit = hexValue(bytes[i]) {
                size = size * 16 + digit
                i += 1
            }
            // Skip chunk extensions up to the CRLF.
            while i + 1 < bytes.count, !(bytes[i] == 13 && bytes[i + 1] == 10) { i += 1 }
            guard i + 1 < bytes.count else { return nil }
            position = i + 2 + size + 2
            guard position <= bytes.count else { return nil }
            if size == 0 { return position }
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte - 48)
        case 65...70: Int(byte - 55)
        case 97...102: Int(byte - 87)
        default: nil
        }
    }
}
