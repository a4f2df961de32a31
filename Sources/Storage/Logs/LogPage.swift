import AccessLogs

/// One page of a search, newest first. `nextCursor` is nil on the last page.
public struct LogPage: Sendable, Hashable {
    public var records: [AccessLogRecord]
    public var nextCursor: String?

    public init(records: [AccessLogRecord], nextCursor: String?) {
        self.records = records
        self.nextCursor = nextCursor
    }
}
