import Foundation
import Hummingbird
import Logging
import MeshMetrics
import NIOCore
import WebUI

/// Builds the HTTP application: exposition endpoints, health, lifecycle routes, the
/// Prometheus query API (`APIRoutes`), the Zipkin v2 API (`ZipkinRoutes`) and the web
/// pages (`WebRoutes`).
public enum MeshScopeServer {
    /// The routes, with the web pages when their files can be loaded.
    public static func router(_ context: ServerContext, security: ListenerSecurity = .open()) -> Router<BasicRequestContext> {
        router(context, web: WebRoutes.load(context), security: security)
    }

    static func router(_ context: ServerContext, web: Result<WebSite, WebLoadError>,
                       security: ListenerSecurity = .open()) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestMetricsMiddleware(metrics: context.requestMetrics))
        router.add(middleware: CORSMiddleware(config: context.config))
        router.add(middleware: SecurityMiddleware(security: security))
        router.add(middleware: HTMLCompressionMiddleware())
        let selfMetrics = SelfMetrics(store: context.store, traces: context.traces, logs: context.logs, board: context.scrapes?.board,
                                      http: context.requestMetrics, forwarding: context.forwarding,
                                      discovery: context.discoveryStatistics, security: security,
                                      version: context.version)
        router.get("/metrics") { request, _ -> Response in
            ResponseEncoding.exposition(await selfMetrics.render(), contentType: ExpositionFormat.prometheusText.contentType,
                                        request: request)
        }
        let federation = FederationRoute(reader: context.store.reader, externalLabels: context.externalLabels)
        router.get("/federate") { request, _ -> Response in
            do {
                return try federation.respond(request, now: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
            } catch {
                return PlainError.response(.internalServerError, "federation failed: \(error)")
            }
        }
        router.get("/-/healthy") { _, _ in PlainError.response(.ok, "MeshScope is Healthy.") }
        router.get("/-/ready") { _, _ in PlainError.response(.ok, "MeshScope is Ready.") }
        let reload: @Sendable (Request, BasicRequestContext) async -> Response = { _, _ in
            if let failure = await context.reload() {
                return PlainError.response(.internalServerError, "failed to reload config: \(failure)")
            }
            return PlainError.response(.ok, "config reloaded")
        }
        router.post("/-/reload", use: reload)
        router.put("/-/reload", use: reload)
        APIRoutes.register(on: router, context: context)
        if let traces = context.traces { ZipkinRoutes.register(on: router, context: context, traces: traces) }
        if let logs = context.logs { LogRoutes.register(on: router, context: context, logs: logs) }
        CARoutes.register(on: router, context: context)
        if case .success(let site) = web { WebRoutes.register(on: router, context: context, site: site) }
        return router
    }

    /// The application on `host:port` (port 0 picks a free one). `onListening` receives the
    /// bound port once the socket is open. When the web UI's files cannot be found or parsed
    /// the application fails before listening, with a message naming the places tried.
    public static func application(
        _ context: ServerContext, host: String, port: Int, logger: Logger, security: ListenerSecurity = .open(),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let web = WebRoutes.load(context)
        var application = Application(
            router: router(context, web: web, security: security),
            server: .meshScope(tls: security.tls),
            configuration: .init(address: .hostname(host, port: port), serverName: "MeshScope/\(context.version)"),
            onServerRunning: announce("http", host: host, port: port, security: security, logger: logger,
                                      then: onListening),
            logger: logger)
        if case .failure(let error) = web {
            logger.critical("web UI unavailable", metadata: ["error": "\(error)"])
            application.beforeServerStarts { throw error }
        }
        return application
    }
}
