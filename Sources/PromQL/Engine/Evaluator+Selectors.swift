import MeshMetrics

extension Evaluator {
    /// Instant-vector selection: the newest sample within the lookback, staleness honoured.
    /// Elements keep their sample's own timestamp so `timestamp()` can report it.
    func instantVector(_ selector: VectorSelector, at t: Int64) -> [VectorElement] {
        let time = effectiveTime(selector.at, t) &- selector.offset
        var out: [VectorElement] = []
        for series in data[SelectorPlan.Key(selector: selector)] ?? [] {
            if let sample = SampleWindow.instant(at: time, lookback: lookback, in: series.points) {
                out.append(VectorElement(labels: series.labels, timestamp: sample.timestamp, value: sample.value))
            }
        }
        return out
    }

    /// Range-vector selection over the left-open window (t - range, t].
    func rangeVector(_ matrix: MatrixSelector, at t: Int64) throws(EngineError) -> [MatrixSeries] {
        let selector = matrix.vectorSelector
        let time = effectiveTime(selector.at, t) &- selector.offset
        var out: [MatrixSeries] = []
        for series in data[SelectorPlan.Key(selector: selector)] ?? [] {
            let points = SampleWindow.range(endingAt: time, range: matrix.range, in: series.points)
            if !points.isEmpty {
                try countSamples(points.count)
                out.append(MatrixSeries(labels: series.labels, points: points))
            }
        }
        return out
    }

    /// The window a range function sees at `t`: its end, and its length.
    func window(of expr: Expr, at t: Int64) -> (end: Int64, range: Int64)? {
        switch expr.unwrappingParens {
        case .matrixSelector(let matrix):
            return (effectiveTime(matrix.vectorSelector.at, t) &- matrix.vectorSelector.offset, matrix.range)
        case .subquery(let subquery):
            return (effectiveTime(subquery.at, t) &- subquery.offset, subquery.range)
        default:
            return nil
        }
    }

    /// Evaluates the inner expression at every step in (t - offset - range, t - offset],
    /// steps aligned to multiples of the step as Prometheus does.
    func evalSubquery(_ subquery: SubqueryExpr, at t: Int64) throws(EngineError) -> [MatrixSeries] {
        let step = subquery.step ?? defaultSubqueryStep
        guard step > 0 else { throw EngineError(.badData, "subquery step must be positive") }
        let end = effectiveTime(subquery.at, t) &- subquery.offset
        let low = end &- subquery.range
        var start = step * (low / step)
        if start <= low { start += step }
        var series: [Labels: MatrixSeries] = [:]
        var order: [Labels] = []
        var time = start
        while time <= end {
            switch try eval(subquery.expr, at: time) {
            case .scalar(let value):
                append(Labels([]), Sample(timestamp: time, value: value), dropName: false, to: &series, order: &order)
            case .vector(let elements):
                for element in elements {
                    append(element.labels, Sample(timestamp: time, value: element.value), dropName: element.dropName,
                           to: &series, order: &order)
                }
            default:
                break
            }
            time += step
        }
        let result = order.compactMap { series[$0] }
        try countSamples(result.reduce(0) { $0 + $1.points.count })
        return result
    }

    private func append(_ labels: Labels, _ sample: Sample, dropName: Bool, to series: inout [Labels: MatrixSeries],
                        order: inout [Labels]) {
        if series[labels] == nil {
            series[labels] = MatrixSeries(labels: labels, points: [], dropName: dropName)
            order.append(labels)
        }
        series[labels]?.points.append(sample)
    }
}
