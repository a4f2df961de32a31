public struct LogRetentionSummary: Sendable, Hashable {
    public var recordsDeleted: Int

    public init(recordsDeleted: Int = 0) {
        self.recordsDeleted = recordsDeleted
    }
}
