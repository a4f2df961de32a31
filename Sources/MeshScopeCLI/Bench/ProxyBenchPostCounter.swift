import Synchronization

/// What `bench proxy`'s collector sink received: the proxy's span and log batches.
final class ProxyBenchPostCounter: Sendable {
    private let messages = Atomic<Int>(0)
    private let byteCount = Atomic<Int>(0)
    var count: Int { messages.load(ordering: .relaxed) }
    var bytes: Int { byteCount.load(ordering: .relaxed) }
    func add(bytes: Int) {
        messages.add(1, ordering: .relaxed)
        byteCount.add(bytes, ordering: .relaxed)
    }
}
