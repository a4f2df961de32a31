/// One sample line as the parser hands it to an `ExpositionSink`.
///
/// It points into the caller's input buffer and is valid only during the `sample`
/// callback. Nothing here allocates unless the line carries an exemplar, so a sink
/// can key a series cache on `seriesKey` / `seriesHash` and call `labels()` only on
/// a cache miss.
public struct ParsedSample {
    /// Raw bytes of the series: metric name through the closing `}` (or just the
    /// name when there are no labels), exactly as they appear in the input.
    public let seriesKey: UnsafeRawBufferPointer
    public let value: Double
    /// Milliseconds since the epoch. OpenMetrics seconds are converted from their
    /// decimal digits (truncated to the millisecond), never through a Double.
    public let timestamp: Int64?
    public let exemplar: Exemplar?
    /// 1-based line of the sample in the input.
    public let line: Int
    /// The family the sample belongs to (from TYPE/HELP/UNIT, or the sample's own
    /// name). Shared between samples of a family, not allocated per sample.
    public let familyName: String

    /// Bytes of `seriesKey` that form the metric name.
    let nameLength: Int
    /// Column of the first byte of `seriesKey`, to place errors from `labels()`.
    let keyColumn: Int

    init(seriesKey: UnsafeRawBufferPointer, nameLength: Int, keyColumn: Int, value: Double,
         timestamp: Int64?, exemplar: Exemplar?, line: Int, familyName: String) {
        self.seriesKey = seriesKey
        self.nameLength = nameLength
        self.keyColumn = keyColumn
        self.value = value
        self.timestamp = timestamp
        self.exemplar = exemplar
        self.line = line
        self.familyName = familyName
    }

    /// 64-bit FNV-1a of exactly `seriesKey`. Computed on access, so sinks that do
    /// not key on it do not pay for it.
    public var seriesHash: UInt64 {
        var hash = FNV1a()
        hash.add(seriesKey)
        return hash.value
    }

    /// The metric name (allocates a String).
    public var metricName: String {
        String(decoding: UnsafeRawBufferPointer(rebasing: seriesKey[0..<nameLength]), as: UTF8.self)
    }

    /// The series as canonical `Labels`, `__name__` included. Label values are
    /// unescaped (`\\`, `\"`, `\n`) and otherwise kept byte for byte. Throws on a
    /// repeated label name, which the fast path does not look for.
    public func labels() throws -> Labels {
        try SeriesKeyDecoder.labels(of: seriesKey, line: line, column: keyColumn)
    }
}
