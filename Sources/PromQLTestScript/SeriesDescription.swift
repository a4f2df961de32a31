import MeshMetrics

/// One position of an expanded series description.
public enum SequenceValue: Sendable, Hashable, CustomStringConvertible {
    /// `_`: no sample at this step.
    case omitted
    /// A float, including `StaleNaN.value` for `stale`.
    case float(Double)
    /// A `{{...}}` native histogram literal, kept as written: native histograms are out
    /// of scope, so the literal only marks the series (and any eval touching it).
    case histogram(String)

    /// Floats compare by bit pattern, so `NaN == NaN` and a stale marker differs from NaN.
    public static func == (lhs: SequenceValue, rhs: SequenceValue) -> Bool {
        switch (lhs, rhs) {
        case (.omitted, .omitted): true
        case let (.float(a), .float(b)): a.bitPattern == b.bitPattern
        case let (.histogram(a), .histogram(b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .omitted: hasher.combine(0)
        case .float(let value): hasher.combine(value.bitPattern)
        case .histogram(let text): hasher.combine(text)
        }
    }

    public var description: String {
        switch self {
        case .omitted: "_"
        case .float(let value): value.isStaleMarker ? "stale" : GoFloatFormat.string(value)
        case .histogram(let text): text
        }
    }

    public var isHistogram: Bool {
        if case .histogram = self { return true }
        return false
    }
}

/// A series line in promtool's expanding notation: `metric{l="v"} 0+10x3 _ stale 5`.
/// Used by `load` (one value per interval) and by expected results (one per step).
public struct SeriesDescription: Sendable, Hashable {
    public var labels: Labels
    public var values: [SequenceValue]
    /// Start-timestamp offsets (ms, relative to each sample) from an `@st` line; `nil`
    /// entries are `_`. Only `start_timestamps.test` uses them, and it is out of scope.
    public var startTimestampOffsets: [Int64?]?

    public init(labels: Labels, values: [SequenceValue], startTimestampOffsets: [Int64?]? = nil) {
        self.labels = labels
        self.values = values
        self.startTimestampOffsets = startTimestampOffsets
    }

    /// Parses `<series> <points>`; `{{...}}` literals are recognised, not decoded.
    public static func parse(_ line: some StringProtocol) throws(ScriptError) -> SeriesDescription {
        var reader = SeriesNotationReader(line)
        let labels = try reader.readMetric()
        let values = try reader.readValues()
        return SeriesDescription(labels: labels, values: values)
    }

    public var hasNativeHistograms: Bool { values.contains(where: \.isHistogram) }

    /// The float samples at `start + index × interval`; `_` and histogram points are
    /// left out, `stale` becomes `StaleNaN.value`.
    public func samples(interval: Int64, start: Int64 = 0) -> [Sample] {
        var samples: [Sample] = []
        samples.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            guard case .float(let number) = value else { continue }
            samples.append(Sample(timestamp: start + Int64(index) * interval, value: number))
        }
        return samples
    }
}
