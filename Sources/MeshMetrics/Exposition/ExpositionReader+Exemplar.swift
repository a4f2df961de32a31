extension ExpositionReader {
    /// The OpenMetrics limit on an exemplar's label names and values, in code points.
    static let exemplarLabelLimit = 128

    /// Reads ` {labels} value [timestamp]` after an exemplar's `#`, to the end of line.
    func readExemplar(from start: Int) throws -> Exemplar {
        guard byte(start) == B.space else { throw fail(start, "expected ' ' after '#' in exemplar, got \(got(start))") }
        let open = start + 1
        guard byte(open) == B.openBrace else {
            throw fail(open, "expected '{' to start exemplar labels, got \(got(open))")
        }
        let close = try scanLabels(from: open)
        let labels = try SeriesKeyDecoder.exemplarLabels(
            UnsafeRawBufferPointer(start: base + open, count: close - open), line: line, column: open - lineStart + 1)
        var length = 0
        for pair in labels.pairs { length += pair.name.unicodeScalars.count + pair.value.unicodeScalars.count }
        guard length <= Self.exemplarLabelLimit else {
            throw fail(open, "exemplar labels have \(length) characters, more than the limit of \(Self.exemplarLabelLimit)")
        }

        guard byte(close) == B.space else { throw fail(close, "expected ' ' before exemplar value, got \(got(close))") }
        let valueStart = close + 1
        let valueEnd = tokenEnd(valueStart)
        guard valueEnd > valueStart else { throw fail(valueStart, "expected exemplar value, got \(got(valueStart))") }
        guard let value = ExpositionNumbers.parseFloat(base + valueStart, count: valueEnd - valueStart) else {
            throw fail(valueStart, "invalid float value \"\(excerpt(valueStart, valueEnd))\" in exemplar")
        }
        var timestamp: Int64?
        if valueEnd < lineEnd {
            let end = tokenEnd(valueEnd + 1)
            timestamp = try openMetricsTimestamp(valueEnd + 1, end)
            guard end == lineEnd else { throw fail(end, "expected end of line after exemplar timestamp, got \(got(end))") }
        }
        return Exemplar(labels: labels, value: value, timestamp: timestamp)
    }
}
