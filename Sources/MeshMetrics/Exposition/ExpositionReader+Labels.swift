extension ExpositionReader {
    /// Validates a label set starting at `{` and returns the index after its `}`.
    /// Nothing is materialised: `ParsedSample.labels()` decodes the bytes on demand.
    /// The text format allows blanks around tokens and a trailing comma; OpenMetrics
    /// allows neither.
    func scanLabels(from open: Int) throws -> Int {
        let text = !openMetrics
        var i = open + 1
        if text { i = skipBlanks(i) }
        if byte(i) == B.closeBrace { return i + 1 }
        while true {
            let nameStart = i
            guard B.isLabelNameStart(byte(i)) else {
                throw fail(i, "expected label name, got \(got(i))")
            }
            i += 1
            while i < lineEnd && B.isLabelNameChar(base[i]) { i += 1 }
            let nameEnd = i
            if text { i = skipBlanks(i) }
            guard byte(i) == B.equals else {
                throw fail(i, "expected '=' after label name \"\(self.text(nameStart, nameEnd))\", got \(got(i))")
            }
            i += 1
            if text { i = skipBlanks(i) }
            guard byte(i) == B.quote else {
                throw fail(i, "expected '\"' to start the value of label \"\(self.text(nameStart, nameEnd))\", got \(got(i))")
            }
            i = try scanLabelValue(from: i + 1, nameStart: nameStart, nameEnd: nameEnd)
            if text { i = skipBlanks(i) }
            let c = byte(i)
            if c == B.closeBrace { return i + 1 }
            guard c == B.comma else {
                throw fail(i, "expected ',' or '}' after label value, got \(got(i))")
            }
            i += 1
            if text {
                i = skipBlanks(i)
                if byte(i) == B.closeBrace { return i + 1 }
            }
        }
    }

    /// Scans a label value after its opening quote; returns the index after the closing
    /// quote. Eight bytes at a time until a quote, backslash or non-ASCII byte.
    @inline(__always)
    private func scanLabelValue(from start: Int, nameStart: Int, nameEnd: Int) throws -> Int {
        var i = start
        while true {
            while i &+ 8 <= lineEnd {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let stops = B.labelValueStops(word)
                if stops != 0 {
                    i &+= stops.trailingZeroBitCount &>> 3
                    break
                }
                i &+= 8
            }
            guard i < lineEnd else {
                throw fail(start - 1, "unterminated label value for \"\(text(nameStart, nameEnd))\"")
            }
            let c = base[i]
            if c == B.quote { return i + 1 }
            if c == B.backslash {
                let escaped = byte(i + 1)
                guard i + 1 < lineEnd else {
                    throw fail(start - 1, "unterminated label value for \"\(text(nameStart, nameEnd))\"")
                }
                guard escaped == B.backslash || escaped == B.quote || escaped == 0x6e else {
                    throw fail(i, "invalid escape sequence '\\\(Character(Unicode.Scalar(escaped)))' in value of label \"\(text(nameStart, nameEnd))\"")
                }
                i += 2
            } else if c >= 0x80 {
                let length = B.utf8ScalarLength(base, i, end: lineEnd)
                guard length > 0 else {
                    throw fail(i, "invalid UTF-8 in value of label \"\(text(nameStart, nameEnd))\"")
                }
                i += length
            } else {
                i += 1
            }
        }
    }
}
