import Synchronization

/// One destination's queue with its counters: the producers' side (ingest paths
/// enqueue here, on their own thread, in order) and the state `Forwarder` drains.
///
/// Sendable: `OutboxQueue` is; the counters sit behind a `Mutex`, and the wake-up
/// generation is an atomic.
public final class ForwardChannel: Sendable {
    public let destination: ForwardDestination
    public let queue: OutboxQueue
    private let counters = Mutex(ForwardStats())
    private let generation = Atomic<UInt64>(0)

    public init(destination: ForwardDestination, queue: OutboxQueue) {
        self.destination = destination
        self.queue = queue
    }

    /// Queues payloads durably and wakes the forwarder. Data dropped to make room is
    /// counted and returned.
    @discardableResult
    public func enqueue(_ payloads: [(payload: [UInt8], count: Int)]) throws(OutboxError) -> OutboxDrop {
        if payloads.isEmpty { return OutboxDrop() }
        let drop = try queue.enqueue(payloads)
        counters.withLock { stats in
            stats.enqueued += Int64(payloads.reduce(0) { $0 + $1.count })
            stats.dropped += Int64(drop.count)
        }
        generation.add(1, ordering: .releasing)
        return drop
    }

    public var stats: ForwardStats { counters.withLock { $0 } }

    func record(_ change: (inout ForwardStats) -> Void) {
        counters.withLock { change(&$0) }
    }

    /// Bumped on every enqueue, so a waiting forwarder notices new data.
    var currentGeneration: UInt64 { generation.load(ordering: .acquiring) }
}
