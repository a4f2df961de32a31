import NIOCore
import Synchronization

/// The downstream connections open on all listeners, so that a drain can close the
/// idle ones at once, let busy ones finish their request, and close what is left when
/// the grace period ends.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        var channel: any Channel
        var busy: Bool
    }

    private struct State {
        var entries: [Int: Entry] = [:]
        var nextID = 0
        var draining = false
    }

    private let state = Mutex(State())

    /// Registers a connection; nil when draining (the caller closes it).
    func register(_ channel: any Channel, busy: Bool = false) -> Int? {
        state.withLock { state in
            guard !state.draining else { return nil }
            state.nextID += 1
            state.entries[state.nextID] = Entry(channel: channel, busy: busy)
            return state.nextID
        }
    }

    /// Marks a connection busy or idle. Returns false once draining: the connection
    /// should finish what it has and close.
    @discardableResult
    func setBusy(_ id: Int, _ busy: Bool) -> Bool {
        state.withLock { state in
            state.entries[id]?.busy = busy
            return !state.draining
        }
    }

    var isDraining: Bool { state.withLock { $0.draining } }

    func remove(_ id: Int) {
        _ = state.withLock { $0.entries.removeValue(forKey: id) }
    }

    var count: Int { state.withLock { $0.entries.count } }

    /// Stops new connections and closes the idle ones.
    func beginDrain() {
        let idle = state.withLock { state in
            state.draining = true
            return state.entries.values.filter { !$0.busy }.map(\.channel)
        }
        for channel in idle { channel.close(promise: nil) }
    }

    func closeAll() {
        let all = state.withLock { state in state.entries.values.map(\.channel) }
        for channel in all { channel.close(promise: nil) }
    }
}
