/// Newline-delimited JSON access logs (`POST /api/v1/logs`, tailed files): one record a
/// line, `\n` or `\r\n` endings, blank lines skipped, a leading UTF-8 byte-order mark
/// ignored in a whole body. A record's `raw` is its line without the line ending.
public enum NDJSONBatch {
    public struct Options: Sendable, Hashable {
        /// A longer line is refused (`.tooLong`) without being parsed.
        public var maxLineBytes: Int
        /// Errors kept in the result; later bad lines are only counted.
        public var maxReportedErrors: Int
        /// When false the body is a chunk of a growing file: a last line without its
        /// newline is left unread (see `consumedBytes`) until the rest arrives.
        public var final: Bool

        public init(maxLineBytes: Int = 1 << 20, maxReportedErrors: Int = 100, final: Bool = true) {
            self.maxLineBytes = maxLineBytes
            self.maxReportedErrors = maxReportedErrors
            self.final = final
        }
    }

    public static func parse(_ body: [UInt8], defaultService: String? = nil, options: Options = Options()) -> NDJSONBatchResult {
        body.withUnsafeBufferPointer { parse(buffer: $0, defaultService: defaultService, options: options) }
    }

    public static func parse(buffer p: UnsafeBufferPointer<UInt8>, defaultService: String? = nil,
                             options: Options = Options()) -> NDJSONBatchResult {
        var result = NDJSONBatchResult()
        // A UTF-8 byte-order mark some editors and shippers put first is not part of a record.
        // Only in a whole body: a chunk of a followed file may begin anywhere in the file.
        var start = options.final && p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        result.consumedBytes = start
        var lineNumber = 0
        while start < p.count {
            let newline = findNewline(p, from: start)
            if newline == nil && !options.final { break }
            let next = newline.map { $0 + 1 } ?? p.count
            var end = newline ?? p.count
            if end > start && p[end - 1] == 0x0D { end -= 1 }
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: p[start..<end])
            start = next
            result.consumedBytes = next
            if isBlank(line) { continue }
            do throws(AccessLogParseError) {
                if line.count > options.maxLineBytes {
                    throw AccessLogParseError(kind: .tooLong, reason: "the line is \(line.count) bytes, over the \(options.maxLineBytes)-byte limit",
                                              offset: options.maxLineBytes)
                }
                result.records.append(try AccessLogParser.parse(buffer: line, defaultService: defaultService))
            } catch {
                var error = error
                error.line = lineNumber
                result.badLineCount += 1
                if result.errors.count < options.maxReportedErrors { result.errors.append(error) }
            }
        }
        result.lineCount = lineNumber
        return result
    }

    private static func findNewline(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < p.count {
            if p[i] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
