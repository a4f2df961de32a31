/// Receives what `ExpositionParser` finds, in input order. Both callbacks may throw:
/// the sink's own error leaves `parse` unchanged (it is not wrapped).
public protocol ExpositionSink {
    /// One `# HELP`, `# TYPE` or `# UNIT` line: exactly one of `type`, `help` and `unit`
    /// is non-nil. HELP text arrives unescaped.
    mutating func metadata(family: String, type: MetricType?, help: String?, unit: String?) throws

    /// One sample line. The sample borrows the input buffer: copy out what you keep.
    mutating func sample(_ sample: borrowing ParsedSample) throws
}

extension ExpositionSink {
    /// Sinks that only want samples need not implement metadata.
    public mutating func metadata(family: String, type: MetricType?, help: String?, unit: String?) throws {}
}
