import Foundation
import Outbox
import Testing

@Suite struct OutboxQueueTests {
    static func temporaryPath() -> String {
        let dir = NSTemporaryDirectory() + "outbox-\(UUID().uuidString)"
        return dir + "/queue.db"
    }

    static func payload(_ byte: UInt8, _ size: Int) -> [UInt8] { [UInt8](repeating: byte, count: size) }

    @Test func itemsComeBackInOrderAndSurviveReopening() throws {
        let path = Self.temporaryPath()
        do {
            let queue = try OutboxQueue(path: path, maxBytes: 1 << 20)
            try queue.enqueue([(Self.payload(1, 10), 3), (Self.payload(2, 20), 4)])
            try queue.enqueue([(Self.payload(3, 30), 5)])
            #expect(queue.pending.items == 3 && queue.pending.bytes == 60 && queue.pending.count == 12)
        }
        let reopened = try OutboxQueue(path: path, maxBytes: 1 << 20)
        #expect(reopened.pending.items == 3 && reopened.pending.bytes == 60 && reopened.pending.count == 12)
        let first = try reopened.peek(maxCount: 7)
        #expect(first.map(\.payload) == [Self.payload(1, 10), Self.payload(2, 20)])
        try reopened.remove(through: first[1].id)
        #expect(reopened.pending.items == 1 && reopened.pending.count == 5 && reopened.pending.bytes == 30)
        // An item larger than maxCount still comes out alone: the queue never stalls.
        #expect(try reopened.peek(maxCount: 1).map(\.count) == [5])
    }

    @Test func peekStopsBeforeExceedingTheCount() throws {
        let queue = try OutboxQueue(path: Self.temporaryPath(), maxBytes: 1 << 20)
        try queue.enqueue([(Self.payload(1, 1), 4), (Self.payload(2, 1), 4), (Self.payload(3, 1), 4)])
        #expect(try queue.peek(maxCount: 10).map(\.count) == [4, 4])
        #expect(try queue.peek(maxCount: 8).map(\.count) == [4, 4])
        #expect(try queue.peek(maxCount: 3).map(\.count) == [4])
    }

    @Test func aFullQueueDropsTheOldestAndCountsThem() throws {
        let queue = try OutboxQueue(path: Self.temporaryPath(), maxBytes: 100)
        try queue.enqueue([(Self.payload(1, 40), 1), (Self.payload(2, 40), 2)])
        let drop = try queue.enqueue([(Self.payload(3, 40), 3)])
        #expect(drop.items == 1 && drop.count == 1 && drop.bytes == 40)
        #expect(try queue.peek(maxCount: 100).map { $0.payload[0] } == [2, 3])
        #expect(queue.pending.bytes == 80)
        #expect(throws: OutboxError.tooLarge(bytes: 101, limit: 100)) {
            try queue.enqueue([(Self.payload(4, 101), 1)])
        }
        #expect(queue.pending.items == 2, "a refused payload drops nothing")
    }

    @Test func idsNeverGoBackAfterTheQueueEmpties() throws {
        let queue = try OutboxQueue(path: Self.temporaryPath(), maxBytes: 1 << 20)
        try queue.enqueue([(Self.payload(1, 1), 1)])
        let first = try #require(try queue.peek(maxCount: 1).first)
        try queue.remove(through: first.id)
        try queue.enqueue([(Self.payload(2, 1), 1)])
        let second = try #require(try queue.peek(maxCount: 1).first)
        #expect(second.id > first.id)
    }
}
