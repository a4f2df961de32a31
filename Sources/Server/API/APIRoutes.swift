import Config
import Foundation
import Hummingbird
import Logging
import Storage

/// Registers the Prometheus-compatible HTTP API under `/api/v1`. A known path asked
/// with a method it does not serve is answered 405 with `Allow`, as Prometheus'
/// router does, rather than Hummingbird's 404.
enum APIRoutes {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    static let knownMethods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch]

    static func register(on router: Router<BasicRequestContext>, context: ServerContext) {
        let api = APIContext(server: context)
        let query = QueryRoutes(api: api)
        let metadata = MetadataRoutes(api: api)
        let status = StatusRoutes(api: api)
        let guardRails = GuardRailRoutes(api: api)
        let rules = RuleRoutes()
        let getPost: [HTTPRequest.Method] = [.get, .post]

        route(router, "/api/v1/query", getPost) { request, _ in await query.instant(request) }
        route(router, "/api/v1/query_range", getPost) { request, _ in await query.range(request) }
        route(router, "/api/v1/series", getPost) { request, _ in await metadata.series(request) }
        route(router, "/api/v1/labels", getPost) { request, _ in await metadata.labelNames(request) }
        route(router, "/api/v1/label/{name}/values", [.get]) { request, context in
            await metadata.labelValues(request, name: context.parameters.get("name") ?? "")
        }
        route(router, "/api/v1/metadata", [.get]) { request, _ in await metadata.metadata(request) }
        route(router, "/api/v1/query_exemplars", getPost) { request, _ in await metadata.exemplars(request) }
        route(router, "/api/v1/status/buildinfo", [.get]) { request, _ in status.buildInfo(request) }
        route(router, "/api/v1/status/config", [.get]) { request, _ in await status.config(request) }
        route(router, "/api/v1/status/tsdb", [.get]) { request, _ in await status.tsdb(request) }
        route(router, "/api/v1/targets", [.get]) { request, _ in await status.targets(request) }
        route(router, "/api/v1/rules", [.get]) { request, _ in rules.rules(request) }
        route(router, "/api/v1/alerts", [.get]) { request, _ in rules.alerts(request) }
        route(router, "/api/v1/alertmanagers", [.get]) { request, _ in rules.alertmanagers(request) }
        route(router, "/api/v1/status/slow_queries", [.get]) { request, _ in guardRails.slowQueries(request) }
        route(router, "/api/v1/status/running_queries", [.get, .delete]) { request, _ in
            request.method == .delete ? guardRails.cancel(request, pathID: nil) : guardRails.runningQueries(request)
        }
        route(router, "/api/v1/status/running_queries/{id}", [.delete]) { request, context in
            guardRails.cancel(request, pathID: context.parameters.get("id"))
        }
    }

    static func route(_ router: Router<BasicRequestContext>, _ path: RouterPath,
                              _ methods: [HTTPRequest.Method], _ handler: @escaping Handler) {
        for method in methods {
            router.on(path, method: method, use: handler)
        }
        let allow = methods.map(\.rawValue).joined(separator: ", ")
        for method in knownMethods where !methods.contains(method) {
            router.on(path, method: method) { _, _ -> Response in
                var response = PlainError.response(.methodNotAllowed, "Method Not Allowed")
                response.headers[.allow] = allow
                return response
            }
        }
    }
}

/// What the API routes share: the server context, the running queries, the concurrency
/// slots and the slow query log (one of each per router).
struct APIContext: Sendable {
    let server: ServerContext
    let running = RunningQueries()
    let slots = QuerySlots()
    let slowLog = SlowQueryLog()
    let logger = Logger(label: "meshscope.query")

    var reader: MetricsReader { server.store.reader }

    func config() async -> MeshScopeConfig {
        await server.config()
    }

    /// Reads the parameters (URL and form body, within `limits.max_body_bytes`) and
    /// runs `body`, answering any `APIError` in the envelope.
    func respond(_ request: Request,
                 _ body: (APIParameters, MeshScopeConfig) async throws(APIError) -> Response) async -> Response {
        let config = await config()
        do {
            let parameters = try await APIParameters.read(request, maxBodyBytes: config.limits.maxBodyBytes)
            return try await body(parameters, config)
        } catch {
            return APIEnvelope.error(request, error)
        }
    }

    /// Storage failures are Prometheus' `internal` errors.
    static func storage<T>(_ read: () throws -> T) throws(APIError) -> T {
        do {
            return try read()
        } catch {
            throw APIError(.internal, "\(error)")
        }
    }

    static var nowMilliseconds: Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
