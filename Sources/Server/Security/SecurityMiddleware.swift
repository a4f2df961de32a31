import Hummingbird

/// Enforces `ListenerSecurity` before any route runs: the bearer token of the request's
/// route class, then the ingest rate limit (after auth, so an unauthenticated flood
/// cannot use up a real client's bucket).
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let security: ListenerSecurity

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        // The router has matched by now: classify by the route it chose (so an encoded or
        // otherwise unusual spelling of a path cannot move a request into another class),
        // and by the raw path when nothing matched (a 404 needs the query token).
        let routeClass = RouteClass.of(method: request.method, path: context.endpointPath ?? path)
        let decision = security.authorize(routeClass, authorization: request.headers[.authorization])
        if decision != .allowed {
            return SecurityResponse.refuse(decision, routeClass: routeClass, path: path)
        }
        if case .limited(let retryAfter) = security.admit(routeClass, client: ClientAddress.current) {
            return SecurityResponse.rateLimited(retryAfterSeconds: retryAfter, path: path)
        }
        return try await next(request, context)
    }
}
