/// What one committed append stored.
public struct LogAppendSummary: Sendable, Hashable {
    public var stored: Int
    /// Row ids given to the records, in order (`nil` when none were stored). Ids only grow.
    public var rowIDs: ClosedRange<Int64>?

    public init(stored: Int = 0, rowIDs: ClosedRange<Int64>? = nil) {
        self.stored = stored
        self.rowIDs = rowIDs
    }
}
