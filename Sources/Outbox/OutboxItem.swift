/// One queued payload, as read back for delivery.
public struct OutboxItem: Sendable, Hashable {
    public var id: Int64
    public var enqueuedMilliseconds: Int64
    /// Samples or spans the payload carries.
    public var count: Int
    public var payload: [UInt8]

    public init(id: Int64, enqueuedMilliseconds: Int64, count: Int, payload: [UInt8]) {
        self.id = id
        self.enqueuedMilliseconds = enqueuedMilliseconds
        self.count = count
        self.payload = payload
    }
}

/// What an enqueue dropped, oldest first, to stay within the queue's size.
public struct OutboxDrop: Sendable, Hashable {
    public var items = 0
    public var bytes = 0
    public var count = 0

    public init() {}
}
