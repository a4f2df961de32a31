import MeshMetrics

/// The functions over range vectors, by their PromQL names.
enum RangeFunctionKind: String {
    case rate, increase, delta, irate, idelta, deriv, changes, resets
    case predictLinear = "predict_linear"
    case avgOverTime = "avg_over_time", sumOverTime = "sum_over_time", countOverTime = "count_over_time"
    case minOverTime = "min_over_time", maxOverTime = "max_over_time", lastOverTime = "last_over_time"
    case firstOverTime = "first_over_time", presentOverTime = "present_over_time"
    case quantileOverTime = "quantile_over_time", stddevOverTime = "stddev_over_time"
    case stdvarOverTime = "stdvar_over_time", madOverTime = "mad_over_time"
    case tsOfMinOverTime = "ts_of_min_over_time", tsOfMaxOverTime = "ts_of_max_over_time"
    case tsOfLastOverTime = "ts_of_last_over_time", tsOfFirstOverTime = "ts_of_first_over_time"
    case doubleExponentialSmoothing = "double_exponential_smoothing"

    /// Index of the range-vector argument.
    var matrixArgument: Int { self == .quantileOverTime ? 1 : 0 }

    /// `last_over_time` and `first_over_time` return samples as they are, name included.
    var keepsName: Bool { self == .lastOverTime || self == .firstOverTime }
}

extension Evaluator {
    func evalRangeFunction(_ kind: RangeFunctionKind, _ call: Call, at t: Int64) throws -> [VectorElement] {
        let matrixExpr = call.args[kind.matrixArgument]
        let series = try eval(matrixExpr, at: t).matrix
        guard let (end, range) = window(of: matrixExpr, at: t) else { return [] }
        let start = end - range
        let scalars = try call.args.enumerated().filter { $0.offset != kind.matrixArgument }
            .map { try eval($0.element, at: t).scalar }
        var functionAnnotations = FunctionAnnotations()
        defer { record(functionAnnotations) }
        if kind == .quantileOverTime { functionAnnotations.add(.invalidQuantileIfNeeded(scalars.first ?? .nan)) }
        var out: [VectorElement] = []
        for entry in series {
            let points = entry.points
            if kind == .rate || kind == .increase {
                functionAnnotations.add(RangeFunctions.possibleNonCounterInfo(metricName: entry.labels.metricName))
            }
            guard let value = try kind.apply(points, rangeStart: start, rangeEnd: end, evaluationTime: t,
                                             scalars: scalars, annotations: &functionAnnotations) else { continue }
            out.append(VectorElement(labels: entry.labels, timestamp: t, value: value,
                                     dropName: kind.keepsName ? entry.dropName : true))
        }
        return out
    }
}

extension RangeFunctionKind {
    /// The function's value over one window of float points (nil: no output element).
    /// Shared by the per-step evaluation and the step-major one so both compute alike.
    func apply(_ points: some SampleList, rangeStart start: Int64, rangeEnd end: Int64, evaluationTime t: Int64,
               scalars: [Double], annotations functionAnnotations: inout FunctionAnnotations) throws -> Double? {
        switch self {
        case .rate: RangeFunctions.rate(points, rangeStart: start, rangeEnd: end)
        case .increase: RangeFunctions.increase(points, rangeStart: start, rangeEnd: end)
        case .delta: RangeFunctions.delta(points, rangeStart: start, rangeEnd: end)
        case .irate: RangeFunctions.irate(points)
        case .idelta: RangeFunctions.idelta(points)
        case .deriv: RangeFunctions.deriv(points)
        case .changes: RangeFunctions.changes(points)
        case .resets: RangeFunctions.resets(points)
        // Predicts from the evaluation time, not the window's (`@` moves only the window).
        case .predictLinear: RangeFunctions.predictLinear(points, seconds: scalars.first ?? 0, evaluationTime: t)
        case .avgOverTime: OverTimeFunctions.avg(points)
        case .sumOverTime: OverTimeFunctions.sum(points)
        case .countOverTime: OverTimeFunctions.count(points)
        case .minOverTime: OverTimeFunctions.min(points)
        case .maxOverTime: OverTimeFunctions.max(points)
        case .lastOverTime: OverTimeFunctions.last(points)
        case .firstOverTime: OverTimeFunctions.first(points)
        case .presentOverTime: OverTimeFunctions.present(points)
        case .quantileOverTime: OverTimeFunctions.quantile(scalars.first ?? .nan, points, annotations: &functionAnnotations)
        case .stddevOverTime: OverTimeFunctions.stddev(points)
        case .stdvarOverTime: OverTimeFunctions.stdvar(points)
        case .madOverTime: OverTimeFunctions.mad(points)
        case .tsOfMinOverTime: OverTimeFunctions.timestampOfMin(points)
        case .tsOfMaxOverTime: OverTimeFunctions.timestampOfMax(points)
        case .tsOfLastOverTime: OverTimeFunctions.timestampOfLast(points)
        case .tsOfFirstOverTime: OverTimeFunctions.timestampOfFirst(points)
        case .doubleExponentialSmoothing:
            try OverTimeFunctions.doubleExponentialSmoothing(points, smoothingFactor: scalars.first ?? .nan,
                                                             trendFactor: scalars.dropFirst().first ?? .nan)
        }
    }
}
