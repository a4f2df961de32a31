import MeshMetrics

/// A `Queryable` over series held in memory, for unit tests and the conformance runner.
public struct InMemoryQueryable: Queryable {
    public private(set) var series: [Labels: [Sample]] = [:]

    public init() {}

    public mutating func add(_ labels: Labels, _ samples: [Sample]) {
        var merged = series[labels, default: []] + samples
        merged.sort { $0.timestamp < $1.timestamp }
        series[labels] = merged
    }

    public func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) async throws -> [MatrixSeries] {
        series.compactMap { labels, samples in
            guard matchers.matches(labels) else { return nil }
            let points = samples.filter { $0.timestamp >= mint && $0.timestamp <= maxt }
            return points.isEmpty ? nil : MatrixSeries(labels: labels, points: points)
        }
        .sorted { $0.labels < $1.labels }
    }
}
