import MeshMetrics

/// Runs a script's commands in order against an engine and records, per eval, whether
/// it passed, failed (and why) or was skipped (and why). Engine-agnostic: all the
/// engine does is load data and answer queries. In the engine's test target:
///
///     var engine = EngineAdapter()
///     var reports: [FileReport] = []
///     for name in testFiles {
///         let script = try TestScript.parse(contents(of: name), file: name)
///         reports.append(await ConformanceRunner.run(script: script, engine: &engine))
///     }
///     let summary = Summary(reports)
///     print(summary.details)
///     let verdict = summary.check(against: try KnownFailures.parse(knownFailuresText))
///     #expect(verdict.isAcceptable(minimumPassRate: 0.95), "\(verdict)")
public struct ConformanceRunner: Sendable {
    public var filter: ScopeFilter
    /// promqltest also runs every instant eval as a range query from t-1m to t+1m
    /// step 1m and checks the point at t gives the same answer. Off, only the instant
    /// query runs (useful while range evaluation is not there yet).
    public var checksInstantQueriesInRangeMode: Bool

    public init(filter: ScopeFilter = ScopeFilter(), checksInstantQueriesInRangeMode: Bool = true) {
        self.filter = filter
        self.checksInstantQueriesInRangeMode = checksInstantQueriesInRangeMode
    }

    /// Runs with the default filter and settings.
    public static func run<Engine: ConformanceEngine>(script: TestScript, engine: inout Engine) async -> FileReport {
        await ConformanceRunner().run(script: script, engine: &engine)
    }

    /// Clears the engine, then executes every command. Out-of-scope files do not touch
    /// the engine at all: their data may be native histograms it cannot hold.
    public func run<Engine: ConformanceEngine>(script: TestScript, engine: inout Engine) async -> FileReport {
        var report = FileReport(file: script.file)
        let skips = filter.skipReasons(for: script)
        guard filter.isInScope(file: script.file) else {
            report.skipped = script.evals.map { FileReport.Skip(line: $0.line, query: $0.query, reason: .outOfScopeFile) }
            return report
        }
        do {
            try await engine.clear()
        } catch {
            report.setupErrors.append(FileReport.Failure(line: 0, query: "clear", reason: String(describing: error)))
        }
        for command in script.commands {
            switch command {
            case .clear(let line):
                do {
                    try await engine.clear()
                } catch {
                    report.setupErrors.append(FileReport.Failure(line: line, query: "clear", reason: String(describing: error)))
                }
            case .load(let load):
                do {
                    try await engine.load(load.floatSeries())
                } catch {
                    report.setupErrors.append(FileReport.Failure(line: load.line, query: "load", reason: String(describing: error)))
                }
            case .eval(let eval):
                if let reason = skips[eval.line] {
                    report.skipped.append(FileReport.Skip(line: eval.line, query: eval.query, reason: reason))
                    continue
                }
                let (problem, annotationProblem) = await execute(eval, on: engine)
                if let problem {
                    report.failed.append(FileReport.Failure(line: eval.line, query: eval.query, reason: problem))
                } else {
                    report.passed.append(FileReport.Pass(line: eval.line, query: eval.query))
                }
                if let annotationProblem {
                    report.annotationMismatches.append(FileReport.Failure(line: eval.line, query: eval.query, reason: annotationProblem))
                }
            }
        }
        return report
    }

    /// One eval: the failure reason (nil when it passed) and any annotation mismatch.
    func execute<Engine: ConformanceEngine>(_ eval: EvalCommand, on engine: Engine) async -> (String?, String?) {
        let comparator = ResultComparator(eval: eval)
        let outcome: QueryOutcome
        do {
            switch eval.timing {
            case .instant:
                outcome = try await engine.instantQuery(eval.query, at: eval.evaluationTime ?? 0)
            case let .range(start, end, step):
                outcome = try await engine.rangeQuery(eval.query, start: start, end: end, step: step)
            }
        } catch {
            let message = String(describing: error)
            guard eval.expectations.mustFail else { return ("unexpected error: \(message)", nil) }
            return (comparator.failureMismatch(errorMessage: message), nil)
        }
        if eval.expectations.mustFail {
            return ("expected an error, but got a \(outcome.result.typeName) result", nil)
        }
        let annotations = comparator.annotationMismatch(warnings: outcome.warnings, infos: outcome.infos)
        if !eval.isInstant {
            guard case .matrix = outcome.result else {
                return ("range query returned a \(outcome.result.typeName), expected a matrix", annotations)
            }
        }
        if let mismatch = comparator.mismatch(in: outcome.result) { return (mismatch, annotations) }
        if checksInstantQueriesInRangeMode && eval.isCheckedInRangeMode, let time = eval.evaluationTime {
            let problem = await rangeModeMismatch(eval, at: time, instantResult: outcome.result, on: engine)
            return (problem.map { "in range mode: \($0)" }, annotations)
        }
        return (nil, annotations)
    }

    /// promqltest's range-mode check of an instant eval: the same query from t-1m to
    /// t+1m step 1m must give the instant answer at t (order aside).
    private func rangeModeMismatch<Engine: ConformanceEngine>(
        _ eval: EvalCommand, at time: Int64, instantResult: QueryOutcome.Result, on engine: Engine
    ) async -> String? {
        let minute: Int64 = 60_000
        let outcome: QueryOutcome
        do {
            outcome = try await engine.rangeQuery(eval.query, start: time - minute, end: time + minute, step: minute)
        } catch {
            return "error: \(String(describing: error))"
        }
        // Range results are always sorted by labels, so an expected order cannot hold.
        if eval.expectations.ordered { return nil }
        guard case .matrix(let series) = outcome.result else {
            return "range query returned a \(outcome.result.typeName), expected a matrix"
        }
        if let unsorted = ResultComparator.sortMismatch(series) { return unsorted }
        var vector: [(labels: Labels, sample: Sample)] = []
        for (labels, samples) in series {
            if let point = samples.first(where: { $0.timestamp == time }) { vector.append((labels, point)) }
        }
        let comparator = ResultComparator(eval: eval)
        if case .scalar = instantResult {
            guard let first = vector.first else { return "no point at t=\(time) for the scalar result" }
            return comparator.mismatch(in: .scalar(first.sample))
        }
        return comparator.mismatch(in: .vector(vector))
    }
}
