/// Settings of a log store.
public struct LogStoreOptions: Sendable, Hashable {
    /// A record whose raw line is longer is refused, and with it its whole append.
    public var maxRecordBytes: Int
    /// A text query matching at least this many indexed records is "dense": searches probe
    /// the rows a page needs instead of materializing every match (see `LogReader.textCandidates`).
    public var denseTextMatches: Int
    /// Probes a dense text search makes before materializing its matches after all.
    public var textProbeBudget: Int

    public init(maxRecordBytes: Int = 1 << 20, denseTextMatches: Int = 20_000, textProbeBudget: Int = 2_000) {
        self.maxRecordBytes = maxRecordBytes
        self.denseTextMatches = denseTextMatches
        self.textProbeBudget = textProbeBudget
    }
}
