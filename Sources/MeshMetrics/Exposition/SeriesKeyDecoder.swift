/// Turns the raw bytes of a series (`name{a="b",...}`) or an exemplar label set into
/// `Labels`. The reader has validated the bytes already; the checks here only keep a
/// hand-made key from crashing.
enum SeriesKeyDecoder {
    typealias B = ExpositionBytes

    static func labels(of key: UnsafeRawBufferPointer, line: Int, column: Int) throws -> Labels {
        let bytes = key.bindMemory(to: UInt8.self)
        var i = 0
        while i < bytes.count && B.isMetricNameChar(bytes[i]) { i += 1 }
        guard i > 0 else { throw ExpositionError(line: line, column: column, message: "expected metric name") }
        var pairs = [Label(Labels.metricName, String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<i]), as: UTF8.self))]
        while i < bytes.count && B.isBlank(bytes[i]) { i += 1 }
        if i < bytes.count {
            i = try decodePairs(bytes, from: i, into: &pairs, line: line, column: column)
        }
        guard i == bytes.count else {
            throw ExpositionError(line: line, column: column + i, message: "unexpected bytes after label set")
        }
        return try canonical(pairs, line: line, column: column)
    }

    /// An exemplar's `{...}`: like a series' labels, without a metric name.
    static func exemplarLabels(_ set: UnsafeRawBufferPointer, line: Int, column: Int) throws -> Labels {
        let bytes = set.bindMemory(to: UInt8.self)
        var pairs: [Label] = []
        let end = try decodePairs(bytes, from: 0, into: &pairs, line: line, column: column)
        guard end == bytes.count else {
            throw ExpositionError(line: line, column: column + end, message: "unexpected bytes after exemplar labels")
        }
        return try canonical(pairs, line: line, column: column)
    }

    /// Repeated names are an error here (Prometheus rejects them too); `Labels` itself
    /// would silently keep the last.
    private static func canonical(_ pairs: [Label], line: Int, column: Int) throws -> Labels {
        if pairs.count > 1 {
            let names = pairs.map(\.name).sorted()
            for k in 1..<names.count where names[k] == names[k - 1] {
                throw ExpositionError(line: line, column: column, message: "duplicate label name \"\(names[k])\"")
            }
        }
        return Labels(pairs)
    }

    /// Decodes `{name="value",...}` starting at `from` (a `{`); returns the index after `}`.
    private static func decodePairs(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, into pairs: inout [Label],
                                    line: Int, column: Int) throws -> Int {
        func failure(_ i: Int, _ message: String) -> ExpositionError {
            ExpositionError(line: line, column: column + i, message: message)
        }
        func at(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
        func skip(_ i: inout Int) { while i < bytes.count && B.isBlank(bytes[i]) { i += 1 } }

        var i = from
        guard at(i) == B.openBrace else { throw failure(i, "expected '{'") }
        i += 1
        skip(&i)
        while at(i) != B.closeBrace {
            let nameStart = i
            guard B.isLabelNameStart(at(i)) else { throw failure(i, "expected label name") }
            while i < bytes.count && B.isLabelNameChar(bytes[i]) { i += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
            skip(&i)
            guard at(i) == B.equals else { throw failure(i, "expected '=' after label name \"\(name)\"") }
            i += 1
            skip(&i)
            guard at(i) == B.quote else { throw failure(i, "expected '\"' to start the value of label \"\(name)\"") }
            i += 1
            var value: [UInt8] = []
            let valueStart = i
            while true {
                guard i < bytes.count else { throw failure(valueStart - 1, "unterminated label value for \"\(name)\"") }
                let c = bytes[i]
                if c == B.quote { break }
                if c == B.backslash {
                    switch at(i + 1) {
                    case B.backslash: value.append(B.backslash)
                    case B.quote: value.append(B.quote)
                    case 0x6e: value.append(B.newline)
                    default: throw failure(i, "invalid escape sequence in value of label \"\(name)\"")
                    }
                    i += 2
                } else {
                    value.append(c)
                    i += 1
                }
            }
            i += 1
            let decoded = value.withUnsafeBufferPointer { buffer in
                buffer.isEmpty || B.isValidUTF8(buffer.baseAddress!, count: buffer.count)
                    ? String(decoding: buffer, as: UTF8.self) : nil
            }
            guard let decoded else { throw failure(valueStart, "invalid UTF-8 in value of label \"\(name)\"") }
            pairs.append(Label(name, decoded))
            skip(&i)
            if at(i) == B.comma {
                i += 1
                skip(&i)
            } else if at(i) != B.closeBrace {
                throw failure(i, "expected ',' or '}' after label value")
            }
        }
        return i + 1
    }
}
