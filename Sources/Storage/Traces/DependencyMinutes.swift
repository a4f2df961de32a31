import Synchronization
import Traces

/// The dependency links of whole minutes, kept in memory so `/api/v2/dependencies` over a
/// day reads 1,440 small entries instead of decoding every span of the day again.
///
/// A minute holds the links of the traces whose timestamp (`TraceQuery.traceTimestamp`)
/// falls in it. Entries stay exact through two rules:
/// - The watermark is the newest span row the entries account for. Before using them, a
///   reader looks at the rows written since and drops every minute any of their traces
///   touches (`advance`), so a late span, or a late root that moves its trace to another
///   minute, is never missed.
/// - An entry computed from an older snapshot than the watermark is not kept (`store`).
/// Retention drops entries an hour past its cutoff (`dropBefore`); only a trace longer than
/// that hour, losing its first spans to retention, can keep its old minute.
final class DependencyMinutes: Sendable {
    static let minuteMicros: Int64 = 60_000_000

    private struct State {
        var minutes: [Int64: [DependencyLink]] = [:]
        var watermark: Int64 = 0
        /// Minutes before this are never stored (retention removed their spans).
        var floor: Int64 = .min
        /// Links held, each empty minute counted as one: the memory bound.
        var size = 0
        /// Bumped by `reset`: a reader that started before changes nothing afterwards.
        var epoch = 0

        mutating func remove(_ minute: Int64) {
            if let links = minutes.removeValue(forKey: minute) { size -= max(1, links.count) }
        }
    }

    private let state = Mutex(State())
    /// At most this many links are held; the oldest minutes go first.
    let maxLinks: Int

    init(maxLinks: Int = 1_000_000) {
        self.maxLinks = maxLinks
    }

    /// What a reader notes before taking its snapshot, and passes to `advance` and `store`.
    var position: (watermark: Int64, epoch: Int) { state.withLock { ($0.watermark, $0.epoch) } }
    var isEmpty: Bool { state.withLock { $0.minutes.isEmpty } }

    /// The cached entries among `minutes`.
    func cached(_ minutes: ClosedRange<Int64>) -> [Int64: [DependencyLink]] {
        state.withLock { state in
            guard !state.minutes.isEmpty else { return [:] }
            var out: [Int64: [DependencyLink]] = [:]
            if minutes.count <= state.minutes.count {
                for minute in minutes { if let links = state.minutes[minute] { out[minute] = links } }
            } else {
                for (minute, links) in state.minutes where minutes.contains(minute) { out[minute] = links }
            }
            return out
        }
    }

    /// Accounts for the rows up to `snapshot`: drops the minutes in `touched` (the ranges
    /// the traces of the rows after the watermark cover), or every minute when `touched` is
    /// nil. A reader whose snapshot is older than the watermark changes nothing: a newer
    /// one already dropped those minutes.
    func advance(to snapshot: Int64, dropping touched: [ClosedRange<Int64>]?, epoch: Int) {
        state.withLock { state in
            guard snapshot > state.watermark, epoch == state.epoch else { return }
            if let touched {
                for range in touched {
                    if range.count <= 64 {
                        for minute in range { state.remove(minute) }
                    } else {
                        for minute in state.minutes.keys where range.contains(minute) { state.remove(minute) }
                    }
                }
            } else {
                state.minutes = [:]
                state.size = 0
            }
            state.watermark = snapshot
        }
    }

    /// Forgets everything and restarts from `watermark`: retention deleted the newest row,
    /// so SQLite may give its id to the next span, which a watermark above it would miss.
    func reset(watermark: Int64) {
        state.withLock { state in
            state.minutes = [:]
            state.size = 0
            state.watermark = watermark
            state.epoch += 1
        }
    }

    /// Keeps one minute's links computed from the rows up to `snapshot`.
    func store(_ minute: Int64, _ links: [DependencyLink], snapshot: Int64, epoch: Int) {
        state.withLock { state in
            guard snapshot >= state.watermark, epoch == state.epoch, minute >= state.floor else { return }
            state.remove(minute)
            state.minutes[minute] = links
            state.size += max(1, links.count)
            if state.size > maxLinks {
                for oldest in state.minutes.keys.sorted() {
                    state.remove(oldest)
                    if state.size <= maxLinks / 2 { break }
                }
            }
        }
    }

    /// Forgets every minute before `minute`, and never stores one again.
    func dropBefore(_ minute: Int64) {
        state.withLock { state in
            state.floor = max(state.floor, minute)
            for key in state.minutes.keys where key < minute { state.remove(key) }
        }
    }
}
