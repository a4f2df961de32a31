import Synchronization

/// Callbacks run after each committed append, with what it stored: how forwarding
/// (remote write, span forwarding) sees every ingest path without each path knowing.
///
/// Observers run synchronously on the appending task, in commit order, before the
/// append returns: an observer that queues the data durably makes the append's
/// acknowledgement cover the queue too. They must be quick and must not call back
/// into the store.
public final class AppendObservers<Value: Sendable>: Sendable {
    private let observers = Mutex<[@Sendable (Value) -> Void]>([])

    public init() {}

    public func add(_ observer: @escaping @Sendable (Value) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    public var isEmpty: Bool { observers.withLock { $0.isEmpty } }

    func notify(_ value: @autoclosure () -> Value) {
        let current = observers.withLock { $0 }
        if current.isEmpty { return }
        let built = value()
        for observer in current { observer(built) }
    }
}
