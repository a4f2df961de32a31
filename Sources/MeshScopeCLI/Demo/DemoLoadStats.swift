import Synchronization

/// The load generator's counters: answers by status class and latencies of the current
/// reporting interval, shared by the concurrent requests.
final class DemoLoadStats: Sendable {
    struct Snapshot: Sendable {
        var sent = 0
        var byClass: [String: Int] = [:]
        var failed = 0
        var skipped = 0
        var latenciesMillis: [Double] = []
        var inFlight = 0
    }

    private let state = Mutex(Snapshot())

    /// Counts a request as sent, or as skipped when `limit` are still in flight.
    func begin(limit: Int) -> Bool {
        state.withLock {
            guard $0.inFlight < limit else {
                $0.skipped += 1
                return false
            }
            $0.inFlight += 1
            $0.sent += 1
            return true
        }
    }

    func end() {
        state.withLock { $0.inFlight -= 1 }
    }

    func answered(status: Int, millis: Double) {
        state.withLock {
            $0.byClass["\(status / 100)xx", default: 0] += 1
            $0.latenciesMillis.append(millis)
        }
    }

    func failed() {
        state.withLock { $0.failed += 1 }
    }

    /// The totals so far; the latencies are those since the previous call.
    func take() -> Snapshot {
        state.withLock { current in
            let snapshot = current
            current.latenciesMillis.removeAll(keepingCapacity: true)
            return snapshot
        }
    }

    /// `load  sent=300  2xx=297 5xx=3  p50=12ms p99=80ms`.
    static func line(_ snapshot: Snapshot, elapsed: Duration) -> String {
        let summary = LatencySummary(snapshot.latenciesMillis)
        var parts = ["load", "t=\(Int(elapsed.seconds))s", "sent=\(snapshot.sent)"]
        parts += snapshot.byClass.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        if snapshot.failed > 0 { parts.append("failed=\(snapshot.failed)") }
        if snapshot.skipped > 0 { parts.append("skipped=\(snapshot.skipped)") }
        if !snapshot.latenciesMillis.isEmpty {
            parts.append("p50=\(Int(summary.percentile(50).rounded()))ms")
            parts.append("p99=\(Int(summary.percentile(99).rounded()))ms")
        }
        return parts.joined(separator: "  ")
    }
}
