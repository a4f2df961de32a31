import MeshMetrics

extension RangeFunctionKind {
    /// Functions with scalar arguments, which the step-major path leaves to the per-step one.
    var takesScalars: Bool {
        self == .predictLinear || self == .quantileOverTime || self == .doubleExponentialSmoothing
    }
}

extension AggregateOperator {
    /// The value aggregations without a parameter, which can run step-major.
    var parameterlessAggregation: AggregationOperator? {
        switch self {
        case .sum: .sum
        case .avg: .avg
        case .count: .count
        case .group: .group
        case .min: .min
        case .max: .max
        case .stddev: .stddev
        case .stdvar: .stdvar
        default: nil
        }
    }
}

extension Evaluator {
    /// A value aggregation at every step over a step-major input. The input's series are
    /// the same at every step, so they are grouped once; each step then feeds its present
    /// elements, in its element order, to the groups exactly as `valueAggregation` does.
    func aggregateSteps(_ node: AggregateExpr) throws -> StepMatrix? {
        guard node.param == nil, let op = node.op.parameterlessAggregation, let grid = stepGrid,
              let input = try stepInput(node.expr) else { return nil }
        var keys: [Labels] = []
        var indexOfKey: [Labels: Int] = [:]
        var groupOf: [Int] = []
        groupOf.reserveCapacity(input.labels.count)
        for labels in input.labels {
            let key = Aggregations.groupingLabels(labels, grouping: node.grouping, without: node.without)
            if let index = indexOfKey[key] {
                groupOf.append(index)
            } else {
                indexOfKey[key] = keys.count
                groupOf.append(keys.count)
                keys.append(key)
            }
        }
        var out = StepMatrix(labels: keys, stepCount: grid.count)
        out.samplesPerStep = input.samplesPerStep
        out.annotationsPerStep = input.annotationsPerStep
        var accumulators = [FloatAggregation?](repeating: nil, count: keys.count)
        var dropName = [Bool](repeating: false, count: keys.count)
        var seen: [Int] = []  // groups of this step in first-seen order
        for step in 0..<grid.count {
            seen.removeAll(keepingCapacity: true)
            input.forEachPresent(at: step) { series in
                let cell = series * input.stepCount + step
                let group = groupOf[series]
                if accumulators[group] == nil {
                    accumulators[group] = FloatAggregation(op, first: input.values[cell])
                    dropName[group] = false
                    seen.append(group)
                } else {
                    accumulators[group]?.add(input.values[cell])
                }
                // Grouping by a name that is still to be dropped keeps the drop pending.
                if input.dropName[cell] { dropName[group] = true }
            }
            var inGroupOrder = true
            for (position, group) in seen.enumerated() {
                if position > 0 && seen[position - 1] > group { inGroupOrder = false }
                out.set(group, step, accumulators[group]?.result() ?? .nan, dropName: dropName[group])
                accumulators[group] = nil
            }
            if !inGroupOrder { out.orderPerStep[step] = seen }
        }
        return out
    }
}
