/// Parser for the Prometheus text format 0.0.4 and OpenMetrics 1.0.
///
/// The streaming entry point hands each sample to a sink without allocating (labels
/// stay raw bytes until asked for); the convenience entry points collect everything
/// into a `ParsedExposition`. Errors are `ExpositionError`s naming line and column;
/// a sink's own errors pass through unchanged.
public enum ExpositionParser {
    public static func parse(_ bytes: UnsafeRawBufferPointer, format: ExpositionFormat,
                             into sink: inout some ExpositionSink) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            if format == .openMetrics {
                throw ExpositionError(line: 1, column: 1, message: "missing \"# EOF\" at the end of the OpenMetrics exposition")
            }
            return
        }
        var reader = ExpositionReader(
            base: base.assumingMemoryBound(to: UInt8.self), count: bytes.count, format: format)
        try reader.run(into: &sink)
    }

    public static func parse(_ bytes: [UInt8], format: ExpositionFormat,
                             into sink: inout some ExpositionSink) throws {
        try bytes.withUnsafeBytes { try parse($0, format: format, into: &sink) }
    }

    public static func parse(_ bytes: [UInt8], format: ExpositionFormat) throws -> ParsedExposition {
        var collector = ExpositionCollector()
        try parse(bytes, format: format, into: &collector)
        return collector.result
    }

    public static func parse(_ text: String, format: ExpositionFormat) throws -> ParsedExposition {
        var text = text
        var collector = ExpositionCollector()
        try text.withUTF8 { try parse(UnsafeRawBufferPointer($0), format: format, into: &collector) }
        return collector.result
    }
}
