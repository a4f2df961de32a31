import MeshMetrics

/// What the engine reads from: series matching label matchers, with their raw samples
/// (staleness markers included) in a closed time range. The engine never sees how or
/// where they are stored — the in-memory store in tests, SQLite in production.
public protocol Queryable: Sendable {
    /// Every series matching all `matchers` that has at least one sample in
    /// [mint, maxt] (milliseconds, inclusive), samples sorted by time.
    func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) async throws -> [MatrixSeries]
}
