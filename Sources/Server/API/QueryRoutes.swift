import Config
import Foundation
import Hummingbird
import PromQL
import StorageQuery

/// `/api/v1/query` and `/api/v1/query_range`, with Prometheus' parameter checks in
/// its order, and the guard rails: timeout, sample limit, cancellation, slow-query log.
struct QueryRoutes: Sendable {
    /// Prometheus' cap on points per series of a range query.
    static let maxPointsPerSeries: Int64 = 11_000

    enum Kind: Sendable {
        case instant(time: Int64)
        case range(start: Int64, end: Int64, step: Int64)

        var name: String {
            switch self {
            case .instant: "instant"
            case .range: "range"
            }
        }
    }

    let api: APIContext

    func instant(_ request: Request) async -> Response {
        await api.respond(request) { parameters, config throws(APIError) in
            let limit = try parameters.limit()
            let time = try parameters.evaluationTime("time", default: APIContext.nowMilliseconds)
            return try await run(.instant(time: time), request, parameters, config, limit: limit)
        }
    }

    func range(_ request: Request) async -> Response {
        await api.respond(request) { parameters, config throws(APIError) in
            let limit = try parameters.limit()
            let start = try parameters.evaluationTime("start", default: nil)
            let end = try parameters.evaluationTime("end", default: nil)
            if end < start { throw APIError.invalidParameter("end", "end timestamp must not be before start time") }
            guard let step = try parameters.duration("step") else {
                throw APIError.invalidParameter("step", "cannot parse \"\" to a valid duration")
            }
            if step <= 0 {
                throw APIError.invalidParameter(
                    "step", "zero or negative query resolution step widths are not accepted. Try a positive integer")
            }
            if (end - start) / step > Self.maxPointsPerSeries {
                throw APIError(.badData,
                               "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")
            }
            return try await run(.range(start: start, end: end, step: step), request, parameters, config, limit: limit)
        }
    }

    private func run(_ kind: Kind, _ request: Request, _ parameters: APIParameters, _ config: MeshScopeConfig,
                     limit: Int) async throws(APIError) -> Response {
        let requested = try parameters.duration("timeout")
        let timeout = min(config.query.timeout.milliseconds, requested ?? .max)
        let lookback = try Self.lookbackDelta(parameters) ?? config.query.lookbackDelta.milliseconds
        let query = parameters.value("query") ?? ""
        do {
            let expr = try PromQLEngine(queryable: SQLiteQueryable(reader: api.reader)).parse(query)
            if case .range = kind, expr.type != .scalar && expr.type != .vector {
                throw EngineError(.badData, "invalid expression type \"\(expr.type.documentedName)\" for range query, must be Scalar or instant Vector")
            }
        } catch {
            throw APIError.invalidParameter("query", (error as? EngineError)?.message ?? "\(error)")
        }

        let running = api.running.start(query: query, kind: kind.name,
                                        parameters: parameters.described(["time", "start", "end", "step", "timeout"]))
        defer { api.running.finish(running) }
        let timer = Task {
            do {
                try await Task.sleep(for: .milliseconds(max(0, timeout)))
                running.requestStop(.timedOut)
            } catch {}  // cancelled: the query finished first
        }
        defer { timer.cancel() }
        // The wait for a slot counts against the timeout, as in Prometheus.
        running.isQueued = true
        guard await api.slots.acquire(capacity: config.query.maxConcurrency, until: { running.isStopped }) else {
            let stopped = running.stopError(in: "query queue") ?? EngineError(.canceled, "query was canceled in query queue")
            let outcome = Result<Response, APIError>.failure(APIError(stopped))
            logIfSlow(running, cost: QueryCost().figures, outcome: outcome, config: config.query)
            return try outcome.get()
        }
        running.isQueued = false
        defer { api.slots.release() }
        let cost = QueryCost()
        var engine = PromQLEngine(queryable: GuardedQueryable(reader: api.reader, maxSamples: config.query.maxSamples,
                                                              cost: cost, stop: { running.stopError }))
        engine.maxSamples = config.query.maxSamples
        engine.lookbackDelta = lookback

        let outcome: Result<Response, APIError>
        do {
            let response = try await QueryThreads.run { [engine] in
                let result = switch kind {
                case .instant(let time):
                    try await engine.instantQuery(query, at: time, isCancelled: { running.isStopped })
                case .range(let start, let end, let step):
                    try await engine.rangeQuery(query, start: start, end: end, step: step, isCancelled: { running.isStopped })
                }
                let (value, truncated) = QueryResultJSON.truncated(result.value, limit: limit)
                let warnings = result.annotations.warnings + (truncated ? [QueryResultJSON.truncatedWarning] : [])
                return APIEnvelope.success(request, warnings: warnings, infos: result.annotations.infos) { writer in
                    writer.bytes.reserveCapacity(QueryResultJSON.estimatedSize(value))
                    QueryResultJSON.write(value, to: &writer)
                }
            }
            outcome = .success(response)
        } catch let error as EngineError {
            // The evaluator reports any stop as "canceled"; the query knows which it was.
            outcome = .failure(APIError(error.kind == .canceled ? running.stopError ?? error : error))
        } catch {
            outcome = .failure(APIError(.internal, "\(error)"))
        }
        logIfSlow(running, cost: cost.figures, outcome: outcome, config: config.query)
        return try outcome.get()
    }

    /// Prometheus 3's `lookback_delta` parameter: its own error text, and zero or less
    /// means the configured default.
    static func lookbackDelta(_ parameters: APIParameters) throws(APIError) -> Int64? {
        do {
            guard let milliseconds = try parameters.duration("lookback_delta") else { return nil }
            return milliseconds > 0 ? milliseconds : nil
        } catch {
            throw APIError(.badData, error.message.replacingOccurrences(
                of: "invalid parameter \"lookback_delta\": ", with: "error parsing lookback delta duration: "))
        }
    }

    private func logIfSlow(_ running: RunningQuery, cost: QueryCost.Figures, outcome: Result<Response, APIError>,
                           config: QueryConfig) {
        let seconds = running.elapsedSeconds
        guard config.slowQueryLogSize > 0, seconds >= config.slowQueryThreshold.timeInterval else { return }
        var entry = SlowQueryEntry(id: running.id, query: running.query, kind: running.kind, parameters: running.parameters,
                                   startedAt: running.startedAt, durationSeconds: seconds,
                                   seriesTouched: cost.seriesTouched, samplesDecoded: cost.samplesDecoded, outcome: "success")
        if case .failure(let error) = outcome {
            entry.outcome = error.kind.rawValue
            entry.error = error.message
        }
        api.slowLog.record(entry, capacity: config.slowQueryLogSize)
        api.logger.warning("slow query", metadata: [
            "query": "\(running.query)", "type": "\(running.kind)", "duration_seconds": "\(seconds)",
            "series_touched": "\(cost.seriesTouched)", "samples_decoded": "\(cost.samplesDecoded)",
            "status": "\(entry.outcome)",
        ])
    }
}
