/// The parser's cursor over one input buffer. It works a line at a time: each line is
/// bounded by `lineEnd` (its newline or the end of input), and `byte(_:)` answers a
/// newline at and past that bound, so no scan can run off the buffer.
struct ExpositionReader {
    typealias B = ExpositionBytes

    let base: UnsafePointer<UInt8>
    let count: Int
    let openMetrics: Bool
    var line = 0
    var lineStart = 0
    var lineEnd = 0
    var sawEOF = false
    var families: FamilyTracker

    // Runs of one metric name skip family resolution: the name is compared to the
    // previous sample's bytes (in the same buffer) instead.
    var lastNameStart = 0
    var lastNameCount = -1
    var lastResolution = FamilyTracker.Resolution(family: "", allowsExemplar: false)

    init(base: UnsafePointer<UInt8>, count: Int, format: ExpositionFormat) {
        self.base = base
        self.count = count
        self.openMetrics = format == .openMetrics
        self.families = FamilyTracker(openMetrics: openMetrics)
    }

    mutating func run<Sink: ExpositionSink>(into sink: inout Sink) throws {
        var position = 0
        while position < count {
            line += 1
            lineStart = position
            lineEnd = B.lineEnd(base, from: position, end: count)
            if sawEOF { throw fail(position, "unexpected data after # EOF") }
            try readLine(into: &sink)
            position = lineEnd + 1
        }
        if openMetrics && !sawEOF {
            let endsWithNewline = count > 0 && base[count - 1] == B.newline
            throw ExpositionError(
                line: max(1, line + (endsWithNewline || count == 0 ? 1 : 0)),
                column: endsWithNewline || count == 0 ? 1 : lineEnd - lineStart + 1,
                message: "missing \"# EOF\" at the end of the OpenMetrics exposition")
        }
    }

    private mutating func readLine<Sink: ExpositionSink>(into sink: inout Sink) throws {
        var i = lineStart
        if openMetrics {
            if i == lineEnd { throw fail(i, "unexpected empty line (not allowed in OpenMetrics)") }
        } else {
            i = skipBlanks(i)
            if i == lineEnd { return }
        }
        if base[i] == B.hash {
            try readComment(from: i, into: &sink)
        } else {
            let sample = try readSample(from: i)
            try sink.sample(sample)
        }
    }

    // MARK: - Cursor helpers

    /// The byte at `i`, or a newline at and past the end of the line.
    @inline(__always) func byte(_ i: Int) -> UInt8 {
        i < lineEnd ? base[i] : B.newline
    }

    @inline(__always) func skipBlanks(_ from: Int) -> Int {
        var i = from
        while i < lineEnd && B.isBlank(base[i]) { i += 1 }
        return i
    }

    /// End of a metric name starting at `from` (== `from` when there is none).
    @inline(__always) func metricNameEnd(_ from: Int) -> Int {
        guard B.isMetricNameStart(byte(from)) else { return from }
        var i = from + 1
        while i < lineEnd && B.isMetricNameChar(base[i]) { i += 1 }
        return i
    }

    /// End of a token: the next space (or tab in the text format) or end of line.
    @inline(__always) func tokenEnd(_ from: Int) -> Int {
        var i = from
        if openMetrics {
            while i < lineEnd && base[i] != B.space { i += 1 }
        } else {
            while i < lineEnd && !B.isBlank(base[i]) { i += 1 }
        }
        return i
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
    }

    /// A short, quotable excerpt of `from..<to` for messages (lossy for invalid UTF-8).
    func excerpt(_ from: Int, _ to: Int) -> String {
        let end = min(to, from + 40)
        return text(from, end) + (end < to ? "…" : "")
    }

    func got(_ i: Int) -> String {
        ExpositionError.describe(i < lineEnd ? base[i] : nil)
    }

    func fail(_ i: Int, _ message: String) -> ExpositionError {
        ExpositionError(line: line, column: i - lineStart + 1, message: message)
    }
}
