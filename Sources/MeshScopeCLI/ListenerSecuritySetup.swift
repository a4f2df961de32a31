import Config
import Logging
import Server
import ServiceLifecycle
import Storage

/// `serve`'s security wiring: tokens, rate limit and TLS for both listeners, and the
/// series-per-metric limit of the metrics store; applied at start and on every reload.
enum ListenerSecuritySetup {
    /// Fails (and `serve` stops) when a token file or the TLS files cannot be used.
    static func start(_ settings: MeshScopeConfig, store: MetricsStore, logger: Logger) async throws -> ListenerSecurity {
        let security: ListenerSecurity
        do {
            security = try ListenerSecurity.start(settings, logger: logger)
        } catch {
            throw CommandFailure.fail("cannot set up the listeners' security: \(error)")
        }
        await store.setMaxSeriesPerMetric(settings.limits.maxSeriesPerMetric)
        if !settings.auth.isOpen || security.tls != nil {
            logger.notice("listener security", metadata: [
                "auth": "\(settings.auth.isOpen ? "open" : "bearer")", "tls": "\(security.tls != nil)",
                "client_certificates": "\(!settings.tls.clientCAFile.isEmpty)",
            ])
        }
        return security
    }

    /// Run by `ConfigController` before it adopts a re-read file; a message refuses it.
    static func reloadHook(_ security: ListenerSecurity, store: MetricsStore,
                           logger: Logger) -> @Sendable (MeshScopeConfig) async -> String? {
        { next in
            if let failure = security.apply(next) { return failure }
            if next.tls.isEnabled != (security.tls != nil) {
                logger.warning("turning tls on or off needs a restart; the listeners keep their scheme")
            }
            await store.setMaxSeriesPerMetric(next.limits.maxSeriesPerMetric)
            return nil
        }
    }

    /// The periodic certificate check, when TLS is on.
    static func services(_ security: ListenerSecurity) -> [ServiceGroupConfiguration.ServiceConfiguration] {
        guard let tls = security.tls else { return [] }
        return [.init(service: TLSReloadService(store: tls))]
    }
}
