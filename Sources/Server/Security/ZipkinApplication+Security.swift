import Hummingbird
import Logging
import Storage

extension MeshScopeServer {
    /// The Zipkin-compatible listener: only `/api/v2/*` (plus health), so an unchanged
    /// Zipkin reporter or UI can point at `host:9411`; its bound address is logged as
    /// `listener=zipkin address=host:port`. It has the main listener's security: the same tokens
    /// (`POST /api/v2/spans` is ingest, the query routes are query, `/health` is open),
    /// the same rate limit and the same TLS certificate.
    public static func zipkinApplication(
        _ context: ServerContext, traces: TraceStore, host: String, port: Int, logger: Logger,
        security: ListenerSecurity, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = zipkinRouter(context, traces: traces, security: security)
        return Application(
            router: router,
            server: .meshScope(tls: security.tls),
            configuration: .init(address: .hostname(host, port: port), serverName: "MeshScope/\(context.version)"),
            onServerRunning: announce("zipkin", host: host, port: port, security: security, logger: logger,
                                      then: onListening),
            logger: logger)
    }

    /// The Zipkin listener's routes (public so tests can list them).
    public static func zipkinRouter(_ context: ServerContext, traces: TraceStore,
                                    security: ListenerSecurity = .open()) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestMetricsMiddleware(metrics: context.requestMetrics))
        router.add(middleware: CORSMiddleware(config: context.config))
        router.add(middleware: SecurityMiddleware(security: security))
        router.get("/health") { _, _ in PlainError.response(.ok, "UP") }
        ZipkinRoutes.register(on: router, context: context, traces: traces)
        return router
    }
}
