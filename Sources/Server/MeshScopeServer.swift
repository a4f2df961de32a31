import Foundation
import Hummingbird
import Logging
import MeshMetrics
import NIOCore

/// Builds the HTTP application: exposition endpoints, health, lifecycle routes and the
/// Prometheus query API (`APIRoutes`) and the Zipkin v2 API (`ZipkinRoutes`).
public enum MeshScopeServer {
    public static func router(_ context: ServerContext) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestMetricsMiddleware(metrics: context.requestMetrics))
        let selfMetrics = SelfMetrics(store: context.store, traces: context.traces, logs: context.logs, board: context.scrapes?.board,
                                      http: context.requestMetrics, version: context.version)
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
        return router
    }

    /// The application on `host:port` (port 0 picks a free one). `onListening` receives the
    /// bound port once the socket is open.
    public static func application(
        _ context: ServerContext, host: String, port: Int, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(context),
            configuration: .init(address: .hostname(host, port: port), serverName: "MeshScope/\(context.version)"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                logger.notice("listening", metadata: ["listener": "http", "address": "\(host):\(bound)"])
                await onListening(bound)
            },
            logger: logger)
    }
}
