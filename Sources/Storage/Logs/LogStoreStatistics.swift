public struct LogStoreStatistics: Sendable, Hashable {
    /// Rows in `records`.
    public var records: Int64
    /// Stored by this process since it opened the store.
    public var recordsAppended: Int64
    /// Records not yet in the full-text index (searches still find them).
    public var pendingFullText: Int64
    public var bytesOnDisk: Int64
}
