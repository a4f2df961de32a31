extension ExpositionReader {
    /// A sample line: `name[{labels}] value [timestamp] [# exemplar]`, where whitespace is
    /// any run of blanks in the text format and exactly one space in OpenMetrics.
    mutating func readSample(from start: Int) throws -> ParsedSample {
        let nameEnd = try sampleName(from: start)
        var i = nameEnd
        var keyEnd = nameEnd
        if !openMetrics {
            let afterBlanks = skipBlanks(i)
            if byte(afterBlanks) == B.openBrace { i = afterBlanks }
        }
        if byte(i) == B.openBrace {
            i = try scanLabels(from: i)
            keyEnd = i
        }

        // Value.
        if i == lineEnd {
            throw fail(i, "missing value for metric \"\(text(start, nameEnd))\"")
        }
        guard openMetrics ? base[i] == B.space : B.isBlank(base[i]) else {
            let context = keyEnd == nameEnd ? "metric name" : "label set"
            throw fail(i, "expected \(openMetrics ? "' '" : "whitespace") after \(context), got \(got(i))")
        }
        i = openMetrics ? i + 1 : skipBlanks(i)
        let valueStart = i
        i = tokenEnd(i)
        guard i > valueStart else {
            if valueStart == lineEnd { throw fail(i, "missing value for metric \"\(text(start, nameEnd))\"") }
            throw fail(i, "expected value, got \(got(i))")
        }
        guard let value = ExpositionNumbers.parseFloat(base + valueStart, count: i - valueStart) else {
            throw fail(valueStart, "invalid float value \"\(excerpt(valueStart, i))\"")
        }

        // Timestamp and exemplar.
        var timestamp: Int64?
        var exemplar: Exemplar?
        if openMetrics {
            if i < lineEnd && byte(i + 1) != B.hash {
                i += 1
                let end = tokenEnd(i)
                timestamp = try openMetricsTimestamp(i, end)
                i = end
            }
            if i < lineEnd {
                guard byte(i) == B.space && byte(i + 1) == B.hash else {
                    throw fail(i, "expected end of line or ' # ' before an exemplar, got \(got(i))")
                }
                guard lastResolution.allowsExemplar else {
                    throw fail(i + 1, "exemplars are only allowed on counter _total and histogram _bucket samples")
                }
                exemplar = try readExemplar(from: i + 2)
            }
        } else {
            i = skipBlanks(i)
            if i < lineEnd {
                let end = tokenEnd(i)
                guard let ms = ExpositionNumbers.parseInt64(base + i, count: end - i) else {
                    throw fail(i, "invalid timestamp \"\(excerpt(i, end))\": expected integer milliseconds")
                }
                timestamp = ms
                i = skipBlanks(end)
                guard i == lineEnd else { throw fail(i, "expected end of line after timestamp, got \(got(i))") }
            }
        }

        return ParsedSample(
            seriesKey: UnsafeRawBufferPointer(start: base + start, count: keyEnd - start),
            nameLength: nameEnd - start, keyColumn: start - lineStart + 1, value: value,
            timestamp: timestamp, exemplar: exemplar, line: line, familyName: lastResolution.family)
    }

    /// Scans the metric name and resolves its family, reusing the previous sample's
    /// resolution when the name bytes are the same.
    private mutating func sampleName(from start: Int) throws -> Int {
        let cached = lastNameCount
        if cached > 0 && lineEnd - start >= cached
            && B.equal(base + start, base + lastNameStart, cached)
            && !B.isMetricNameChar(byte(start + cached)) {
            return start + cached
        }
        let end = metricNameEnd(start)
        guard end > start else { throw fail(start, "expected metric name, got \(got(start))") }
        switch families.resolve(sample: UnsafeBufferPointer(start: base + start, count: end - start)) {
        case .success(let resolution):
            lastResolution = resolution
        case .failure(let violation):
            throw fail(start, violation.message)
        }
        lastNameStart = start
        lastNameCount = end - start
        return end
    }

    func openMetricsTimestamp(_ from: Int, _ to: Int) throws -> Int64 {
        guard to > from else { throw fail(from, "expected timestamp, got \(got(from))") }
        guard let ms = ExpositionNumbers.parseSecondsAsMillis(base + from, count: to - from) else {
            throw fail(from, "invalid timestamp \"\(excerpt(from, to))\": expected seconds since the epoch")
        }
        return ms
    }
}
