import Hummingbird
import Logging
import Storage

/// Registers the Zipkin v2 API (`/api/v2/*`): the collector and the query routes. Used by
/// the main router and by the Zipkin-only listener (`--zipkin-listen`), so both answer alike.
enum ZipkinRoutes {
    static func register(on router: Router<BasicRequestContext>, context: ServerContext, traces: TraceStore) {
        let collector = ZipkinCollector(store: traces, maxBodyBytes: { await context.config().limits.maxBodyBytes })
        let query = ZipkinQueryRoutes(reader: traces.reader)
        router.post("/api/v2/spans") { request, _ in
            await ZipkinResponse.respond { try await collector.accept(request) }
        }
        get(router, "/api/v2/trace/{traceId}") { _, context in
            try query.trace(id: context.parameters.get("traceId") ?? "")
        }
        get(router, "/api/v2/traceMany") { request, _ in try query.traceMany(ZipkinParameters(request)) }
        get(router, "/api/v2/traces") { request, _ in try query.traces(ZipkinParameters(request)) }
        get(router, "/api/v2/services") { _, _ in try query.services() }
        get(router, "/api/v2/spans") { request, _ in try query.spanNames(ZipkinParameters(request)) }
        get(router, "/api/v2/remoteServices") { request, _ in try query.remoteServices(ZipkinParameters(request)) }
        get(router, "/api/v2/dependencies") { request, _ in try query.dependencies(ZipkinParameters(request)) }
        get(router, "/api/v2/autocompleteKeys") { _, _ in try query.autocompleteKeys() }
        get(router, "/api/v2/autocompleteValues") { request, _ in
            try query.autocompleteValues(ZipkinParameters(request))
        }
        refuseOtherMethods(on: router)
    }

    /// The methods each `/api/v2` path serves; any other method is answered 405 with an
    /// `Allow` header, as Zipkin's server does, rather than a 404 that hides the route.
    static let methods: [(path: RouterPath, allowed: [HTTPRequest.Method])] = [
        ("/api/v2/spans", [.get, .post]),
        ("/api/v2/trace/{traceId}", [.get]), ("/api/v2/traceMany", [.get]), ("/api/v2/traces", [.get]),
        ("/api/v2/services", [.get]), ("/api/v2/remoteServices", [.get]), ("/api/v2/dependencies", [.get]),
        ("/api/v2/autocompleteKeys", [.get]), ("/api/v2/autocompleteValues", [.get]),
    ]

    private static func refuseOtherMethods(on router: Router<BasicRequestContext>) {
        let all: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch]
        for (path, allowed) in methods {
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in all where !allowed.contains(method) {
                router.on(path, method: method) { _, _ in
                    var response = PlainError.response(.methodNotAllowed, "Method Not Allowed")
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
    }

    private static func get(_ router: Router<BasicRequestContext>, _ path: RouterPath,
                            _ handler: @escaping @Sendable (Request, BasicRequestContext) throws -> Response) {
        router.get(path) { request, context in
            await ZipkinResponse.respond { try handler(request, context) }
        }
    }
}
