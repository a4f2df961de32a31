/// Metric family types of the text format 0.0.4 and OpenMetrics 1.0.
public enum MetricType: String, Sendable, Hashable, CaseIterable {
    case counter, gauge, histogram, gaugehistogram, summary, info, stateset, unknown

    /// Text 0.0.4 says `untyped` where OpenMetrics says `unknown`.
    public init?(exposition: String) {
        if exposition == "untyped" { self = .unknown; return }
        self.init(rawValue: exposition)
    }

    /// The word the text format 0.0.4 uses for this type.
    public var textFormatName: String {
        switch self {
        case .unknown: "untyped"
        case .gaugehistogram: "histogram"
        case .info, .stateset: "gauge"
        default: rawValue
        }
    }
}

/// HELP, TYPE and UNIT of one metric family, as stored and served.
public struct MetricMetadata: Hashable, Sendable {
    public var type: MetricType
    public var help: String
    public var unit: String

    public init(type: MetricType = .unknown, help: String = "", unit: String = "") {
        self.type = type
        self.help = help
        self.unit = unit
    }
}
