import Synchronization

/// How a scrape loop is being stopped, set by the manager before it cancels the loop's
/// task. Prometheus marks a target's series stale when the target goes away, but not on
/// shutdown (the series are not gone, the server is) nor when a reload merely changes
/// how the same target is scraped.
final class LoopStop: Sendable {
    enum Reason: Sendable { case targetRemoved, handover, shutdown }

    private let reason = Mutex<Reason>(.targetRemoved)

    func set(_ value: Reason) {
        reason.withLock { $0 = value }
    }

    var marksStale: Bool {
        reason.withLock { $0 == .targetRemoved }
    }
}
