import MeshMetrics

/// `prometheus.MetricMetadata.MetricType` numbers.
extension MetricType {
    var protoNumber: UInt64 {
        switch self {
        case .unknown: 0
        case .counter: 1
        case .gauge: 2
        case .histogram: 3
        case .gaugehistogram: 4
        case .summary: 5
        case .info: 6
        case .stateset: 7
        }
    }

    /// proto3 enums are open: numbers this version does not know read as `unknown`.
    init(protoNumber: UInt64) {
        switch protoNumber {
        case 1: self = .counter
        case 2: self = .gauge
        case 3: self = .histogram
        case 4: self = .gaugehistogram
        case 5: self = .summary
        case 6: self = .info
        case 7: self = .stateset
        default: self = .unknown
        }
    }
}
