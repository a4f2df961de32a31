import MeshMetrics

/// What the conformance runner needs from a PromQL engine. The adapter owns storage
/// and evaluation; the runner only feeds it script data and compares answers.
///
/// Engine settings the scripts assume (promqltest's test engine): lookback delta 5m,
/// `@` modifier and negative offsets enabled, subqueries without a step use 1m,
/// delayed `__name__` removal enabled. Times are milliseconds since the Unix epoch.
public protocol ConformanceEngine {
    /// Drops all loaded data (`clear`, and before each file).
    mutating func clear() async throws

    /// Appends series (`load`); calls are additive. Samples are in time order and may
    /// include stale markers (`StaleNaN.value`).
    mutating func load(_ series: [(labels: Labels, samples: [Sample])]) async throws

    func instantQuery(_ query: String, at milliseconds: Int64) async throws -> QueryOutcome

    func rangeQuery(_ query: String, start: Int64, end: Int64, step: Int64) async throws -> QueryOutcome
}
