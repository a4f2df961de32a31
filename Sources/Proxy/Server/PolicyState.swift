import MeshPolicy
import Synchronization

/// The configuration in force, swapped whole by a reload. Each request takes one
/// snapshot and keeps it to its end.
final class PolicyState: Sendable {
    struct Snapshot: Sendable {
        var config: PolicyConfig
        var router: Router
        var generation: Int
    }

    private let current: Mutex<Snapshot>

    init(_ config: PolicyConfig) {
        current = Mutex(Snapshot(config: config, router: Router(config: config), generation: 1))
    }

    var snapshot: Snapshot { current.withLock { $0 } }

    /// Installs a new configuration; returns its generation.
    @discardableResult
    func replace(with config: PolicyConfig) -> Int {
        let router = Router(config: config)
        return current.withLock { snapshot in
            snapshot = Snapshot(config: config, router: router, generation: snapshot.generation + 1)
            return snapshot.generation
        }
    }
}
