import Logging
import ServiceLifecycle

/// Checks the TLS files every `reload_interval` and rebuilds the context when one
/// changed, so a renewed certificate is served without SIGHUP or a restart.
public struct TLSReloadService: Service {
    let store: TLSContextStore

    public init(store: TLSContextStore) {
        self.store = store
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let interval = store.reloadInterval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isShuttingDownGracefully || Task.isCancelled { return }
            store.reloadIfChanged()
        }
    }
}
