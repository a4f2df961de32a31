import MeshMetrics

/// The PromQL engine: parses a query, fetches each selector's series once through a
/// `Queryable`, and evaluates instant or range queries with Prometheus 3 semantics.
public struct PromQLEngine: Sendable {
    public var lookbackDelta: Int64 = 5 * 60 * 1000
    /// Upper bound on samples held at once by one query (Prometheus' `query.max-samples`).
    public var maxSamples = 50_000_000
    /// Step of subqueries without one in instant queries (Prometheus' default 1m).
    public var defaultEvaluationInterval: Int64 = 60_000
    public var parserOptions = PromQLParser.Options()
    /// Off only in tests, to check the step-major evaluation against the per-step one.
    var stepMajor = true
    let queryable: any Queryable

    public init(queryable: any Queryable) {
        self.queryable = queryable
    }

    public func instantQuery(_ query: String, at time: Int64,
                             isCancelled: @escaping @Sendable () -> Bool = { false }) async throws -> QueryResult {
        let expr = try parse(query)
        let (evaluator, loaded, touched) = try await prepare(expr, start: time, end: time, step: defaultEvaluationInterval)
        evaluator.isCancelled = isCancelled
        if stepMajor { try evaluator.precomputeSteps(expr, grid: StepGrid(start: time, interval: 1, count: 1)) }
        let value: QueryResult.Value
        switch try evaluator.eval(expr, at: time) {
        case .scalar(let number):
            value = .scalar(Sample(timestamp: time, value: number))
        case .string(let text):
            value = .string(text, timestamp: time)
        case .vector(let elements):
            value = .vector(try OutputCleanup.vector(elements, at: time))
        case .matrix(let series):
            value = .matrix(try OutputCleanup.matrix(series))
        }
        return QueryResult(value: value, annotations: evaluator.annotations, samplesLoaded: loaded, seriesTouched: touched)
    }

    public func rangeQuery(_ query: String, start: Int64, end: Int64, step: Int64,
                           isCancelled: @escaping @Sendable () -> Bool = { false }) async throws -> QueryResult {
        guard step > 0 else {
            throw EngineError(.badData, "zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        guard end >= start else { throw EngineError(.badData, "end timestamp must not be before start time") }
        let expr = try parse(query)
        guard expr.type == .scalar || expr.type == .vector else {
            throw EngineError(.badData, "invalid expression type \"\(expr.type.documentedName)\" for range query, must be Scalar or instant Vector")
        }
        let (evaluator, loaded, touched) = try await prepare(expr, start: start, end: end, step: step)
        evaluator.isCancelled = isCancelled
        if stepMajor {
            try evaluator.precomputeSteps(expr, grid: StepGrid(start: start, interval: step, count: Int((end - start) / step) + 1))
        }
        var collector = RangeCollector()
        var time = start
        while time <= end {
            switch try evaluator.eval(expr, at: time) {
            case .scalar(let number):
                collector.add(VectorElement(labels: Labels([]), timestamp: time, value: number), at: time)
            case .vector(let elements):
                for element in try OutputCleanup.vector(elements, at: time) { collector.add(element, at: time) }
            default:
                break
            }
            evaluator.samplesInFlight = 0
            time += step
        }
        return QueryResult(value: .matrix(collector.series), annotations: evaluator.annotations,
                           samplesLoaded: loaded, seriesTouched: touched)
    }

    public func parse(_ query: String) throws -> Expr {
        do {
            return try PromQLParser.parse(query, options: parserOptions)
        } catch {
            throw EngineError(.badData, error.description)
        }
    }

    /// Fetches every selector's series for the whole evaluation range at once.
    private func prepare(_ expr: Expr, start: Int64, end: Int64, step: Int64) async throws
        -> (Evaluator, samples: Int, series: Int) {
        var plan = SelectorPlan(lookback: lookbackDelta, queryStart: start, queryEnd: end, defaultSubqueryStep: step)
        plan.visit(expr, from: start, to: end)
        var data: [SelectorPlan.Key: [MatrixSeries]] = [:]
        var samples = 0, series = 0
        for (key, range) in plan.ranges {
            let selected = try await queryable.select(key.selector.matchers, from: range.mint, through: range.maxt)
            samples += selected.reduce(0) { $0 + $1.points.count }
            series += selected.count
            if samples > maxSamples {
                throw EngineError(.execution, "query processing would load too many samples into memory in query execution")
            }
            data[key] = selected
        }
        let evaluator = Evaluator(data: data, lookback: lookbackDelta, queryStart: start, queryEnd: end,
                                  defaultSubqueryStep: step, maxSamples: maxSamples)
        return (evaluator, samples, series)
    }
}
