import Synchronization

/// Prometheus' `query.max-concurrency`: at most `capacity` queries evaluate at once, so a
/// dashboard firing forty panels cannot hold forty queries' samples in memory together.
/// Each query brings the capacity of the configuration it started under, so a reload applies
/// to the next queries.
final class QuerySlots: Sendable {
    private let inUse = Mutex(0)

    var count: Int { inUse.withLock { $0 } }

    func tryAcquire(capacity: Int) -> Bool {
        inUse.withLock { inUse in
            guard inUse < capacity else { return false }
            inUse += 1
            return true
        }
    }

    func release() {
        inUse.withLock { $0 -= 1 }
    }

    /// Waits for a slot; false when `stopped` (timed out or cancelled) first. Polls every
    /// 5 ms: waiting is the rare case, and a poll needs no wake-up from the stop paths.
    func acquire(capacity: Int, until stopped: @Sendable () -> Bool) async -> Bool {
        while true {
            if tryAcquire(capacity: capacity) { return true }
            if stopped() { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
