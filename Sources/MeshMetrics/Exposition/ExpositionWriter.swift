/// Writes the Prometheus text format 0.0.4 into a byte buffer.
///
/// Families are announced with `family(name:metadata:)` and followed by their samples.
/// Anything that would not parse back (a sample without a metric name, an invalid
/// metric or label name) is left out and counted in `skipped`, so one bad series
/// cannot make a whole exposition unreadable.
public struct ExpositionWriter: Sendable {
    public private(set) var bytes: [UInt8]
    /// Families and samples left out because their names were invalid.
    public private(set) var skipped = 0

    public init(reservingCapacity capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The output so far, as text.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands over the output so far and starts an empty buffer (for chunked responses).
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// `# HELP` (when there is help text) and `# TYPE`, with the text format's type
    /// names (OpenMetrics-only types map to their closest text-format type).
    public mutating func family(name: String, metadata: MetricMetadata) {
        guard Self.isMetricName(name) else { skipped += 1; return }
        if !metadata.help.isEmpty {
            bytes.append(contentsOf: "# HELP ".utf8)
            bytes.append(contentsOf: name.utf8)
            bytes.append(0x20)
            for c in metadata.help.utf8 {
                switch c {
                case 0x5c: bytes.append(contentsOf: [0x5c, 0x5c])
                case 0x0a: bytes.append(contentsOf: [0x5c, 0x6e])
                default: bytes.append(c)
                }
            }
            bytes.append(0x0a)
        }
        bytes.append(contentsOf: "# TYPE ".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x20)
        bytes.append(contentsOf: metadata.type.textFormatName.utf8)
        bytes.append(0x0a)
    }

    /// `name{a="b",...} value [timestamp]`, the name taken from `__name__`.
    public mutating func sample(labels: Labels, value: Double, timestamp: Int64?) {
        guard let name = labels.metricName, Self.isMetricName(name),
              labels.pairs.allSatisfy({ $0.name == Labels.metricName || Self.isLabelName($0.name) })
        else { skipped += 1; return }
        bytes.append(contentsOf: name.utf8)
        var first = true
        for pair in labels.pairs where pair.name != Labels.metricName {
            bytes.append(first ? 0x7b : 0x2c)
            first = false
            bytes.append(contentsOf: pair.name.utf8)
            bytes.append(contentsOf: [0x3d, 0x22])
            for c in pair.value.utf8 {
                switch c {
                case 0x5c: bytes.append(contentsOf: [0x5c, 0x5c])
                case 0x22: bytes.append(contentsOf: [0x5c, 0x22])
                case 0x0a: bytes.append(contentsOf: [0x5c, 0x6e])
                default: bytes.append(c)
                }
            }
            bytes.append(0x22)
        }
        if !first { bytes.append(0x7d) }
        bytes.append(0x20)
        GoFloatFormat.append(value, to: &bytes)
        if let timestamp {
            bytes.append(0x20)
            GoFloatFormat.appendInteger(timestamp, to: &bytes)
        }
        bytes.append(0x0a)
    }

    static func isMetricName(_ name: String) -> Bool {
        var utf8 = name.utf8.makeIterator()
        guard let first = utf8.next(), ExpositionBytes.isMetricNameStart(first) else { return false }
        while let c = utf8.next() { if !ExpositionBytes.isMetricNameChar(c) { return false } }
        return true
    }

    static func isLabelName(_ name: String) -> Bool {
        var utf8 = name.utf8.makeIterator()
        guard let first = utf8.next(), ExpositionBytes.isLabelNameStart(first) else { return false }
        while let c = utf8.next() { if !ExpositionBytes.isLabelNameChar(c) { return false } }
        return true
    }
}
