import Config
import Hummingbird

/// Cross-origin reads of the APIs, so browser tools on another origin (the Zipkin UI, a
/// Grafana in the browser, a custom page) can call them: a request whose `Origin` matches
/// `server.cors_origin` gets it back in `Access-Control-Allow-Origin`, with the methods
/// and headers Prometheus allows; a preflight (`OPTIONS`) is answered here, before the
/// token check, since browsers send preflights without credentials. Pages are not shared.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    static var allowedMethods: String { "GET, POST, DELETE, OPTIONS" }
    static var allowedHeaders: String { "Accept, Authorization, Content-Type, Content-Encoding, Origin" }

    let config: @Sendable () async -> MeshScopeConfig

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard let origin = request.headers[.origin], path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        let allowed = await config().server.corsOrigin.matches(origin)
        if request.method == .options {
            var response = Response(status: allowed ? .noContent : .forbidden)
            if allowed {
                Self.addHeaders(&response.headers, origin: origin)
                response.headers[.accessControlMaxAge] = "600"
            }
            return response
        }
        var response = try await next(request, context)
        if allowed { Self.addHeaders(&response.headers, origin: origin) }
        return response
    }

    static func addHeaders(_ headers: inout HTTPFields, origin: String) {
        headers[.accessControlAllowOrigin] = origin
        headers[.accessControlAllowMethods] = allowedMethods
        headers[.accessControlAllowHeaders] = allowedHeaders
        headers[.accessControlExposeHeaders] = "Date"
        // The answer depends on the Origin; caches must not hand it to another.
        if let vary = headers[.vary], !vary.isEmpty {
            if !vary.lowercased().contains("origin") { headers[.vary] = vary + ", Origin" }
        } else {
            headers[.vary] = "Origin"
        }
    }
}
