import MeshMetrics

/// What happens to values as they leave the engine: delayed removal of the metric name
/// (Prometheus 3), output timestamps set to the evaluation time, and the check that no
/// two results share a label set.
enum OutputCleanup {
    static func vector(_ elements: [VectorElement], at t: Int64) throws(EngineError) -> [VectorElement] {
        var seen = Set<Labels>()
        var out: [VectorElement] = []
        out.reserveCapacity(elements.count)
        for element in elements {
            let labels = element.outputLabels
            guard seen.insert(labels).inserted else {
                throw EngineError(.execution, "vector cannot contain metrics with the same labelset")
            }
            out.append(VectorElement(labels: labels, timestamp: t, value: element.value))
        }
        return out
    }

    static func matrix(_ series: [MatrixSeries]) throws(EngineError) -> [MatrixSeries] {
        var seen = Set<Labels>()
        var out: [MatrixSeries] = []
        for entry in series {
            let labels = entry.dropName ? entry.labels.removing(Labels.metricName) : entry.labels
            guard seen.insert(labels).inserted else {
                throw EngineError(.execution, "vector cannot contain metrics with the same labelset")
            }
            out.append(MatrixSeries(labels: labels, points: entry.points))
        }
        return out
    }
}

/// Assembles a range query's matrix from the vectors of each step.
struct RangeCollector {
    private var index: [Labels: Int] = [:]
    private(set) var series: [MatrixSeries] = []

    mutating func add(_ element: VectorElement, at t: Int64) {
        let sample = Sample(timestamp: t, value: element.value)
        if let position = index[element.labels] {
            series[position].points.append(sample)
        } else {
            index[element.labels] = series.count
            series.append(MatrixSeries(labels: element.labels, points: [sample]))
        }
    }
}
