import MeshMetrics

/// Evaluates an AST at single points in time over series preloaded by `PromQLEngine`.
/// Synchronous and single-threaded: all I/O happened before it was created.
final class Evaluator {
    let data: [SelectorPlan.Key: [MatrixSeries]]
    let lookback: Int64
    let queryStart: Int64
    let queryEnd: Int64
    /// Step of subqueries written without one (`x[5m:]`): the range query's step, or 1m.
    let defaultSubqueryStep: Int64
    let maxSamples: Int
    var annotations = Annotations()
    var samplesInFlight = 0
    var isCancelled: @Sendable () -> Bool = { false }
    /// Per aggregation (by source position): the last step's grouping, reused while the
    /// input series stay the same.
    var groupingCache: [Int: AggregationGrouping] = [:]
    /// label_replace regexes compiled for this query, by their arguments.
    var labelReplacers: [String: LabelReplacer] = [:]
    /// The query's steps, and the nodes computed for all of them up front (by position).
    var stepGrid: StepGrid?
    var stepCache: [PositionRange: StepCacheEntry] = [:]

    init(data: [SelectorPlan.Key: [MatrixSeries]], lookback: Int64, queryStart: Int64, queryEnd: Int64,
         defaultSubqueryStep: Int64, maxSamples: Int) {
        self.data = data
        self.lookback = lookback
        self.queryStart = queryStart
        self.queryEnd = queryEnd
        self.defaultSubqueryStep = defaultSubqueryStep
        self.maxSamples = maxSamples
    }

    func eval(_ expr: Expr, at t: Int64) throws(EngineError) -> EvalValue {
        if isCancelled() { throw EngineError(.canceled, "query was canceled") }
        switch expr {
        case .number(let literal):
            return .scalar(literal.value)
        case .string(let literal):
            return .string(literal.value)
        case .paren(let node):
            return try eval(node.expr, at: t)
        case .vectorSelector(let selector):
            return .vector(instantVector(selector, at: t))
        case .matrixSelector(let matrix):
            return .matrix(try rangeVector(matrix, at: t))
        case .subquery(let subquery):
            return .matrix(try evalSubquery(subquery, at: t))
        case .unary(let node):
            return try evalUnary(node, at: t)
        case .binary(let node):
            return try evalBinary(node, at: t)
        case .aggregate(let node):
            if !stepCache.isEmpty, let elements = try cachedStep(node.positionRange, expr, at: t) { return .vector(elements) }
            return .vector(try evalAggregate(node, at: t))
        case .call(let node):
            if !stepCache.isEmpty, let elements = try cachedStep(node.positionRange, expr, at: t) { return .vector(elements) }
            return try evalCall(node, at: t)
        }
    }

    func evalUnary(_ node: UnaryExpr, at t: Int64) throws(EngineError) -> EvalValue {
        let value = try eval(node.expr, at: t)
        guard node.op == .minus else { return value }
        switch value {
        case .scalar(let number):
            return .scalar(-number)
        case .vector(let elements):
            return .vector(elements.map { element in
                var negated = element
                negated.value = -element.value
                negated.timestamp = t
                negated.dropName = true
                return negated
            })
        default:
            return value
        }
    }

    /// The time a selector or subquery reads at: its `@` time if it has one.
    func effectiveTime(_ at: AtModifier?, _ t: Int64) -> Int64 {
        switch at {
        case .timestamp(let fixed): fixed
        case .start: queryStart
        case .end: queryEnd
        case nil: t
        }
    }

    func countSamples(_ count: Int) throws(EngineError) {
        samplesInFlight += count
        if samplesInFlight > maxSamples {
            throw EngineError(.execution, "query processing would load too many samples into memory in query execution")
        }
    }
}
