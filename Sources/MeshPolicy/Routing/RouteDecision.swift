/// What to do with one HTTP request, decided from the configuration.
public struct RouteDecision: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// Send it to this target (after `delay`, if any).
        case forward(UpstreamTarget)
        /// Answer with a redirect.
        case redirect(status: Int, location: String)
        /// Fault injection: answer with this status (response flag FI).
        case abort(status: Int)
        /// A VirtualService for the host exists but none of its routes matched, or the
        /// host is unknown: answer 404 (response flag NR).
        case noRoute(reason: String)
    }

    /// The VirtualService route that matched.
    public struct MatchedRoute: Sendable, Hashable {
        public var virtualService: String
        public var namespace: String
        public var routeIndex: Int
        public var routeName: String?
    }

    public var action: Action
    /// Nil when the default route (no VirtualService) was used.
    public var matchedRoute: MatchedRoute?
    /// The canonical host the request addressed.
    public var host: String
    /// Path and authority to send upstream, after any rewrite.
    public var path: String
    public var authority: String
    /// Overall timeout; nil means none.
    public var timeout: Duration?
    public var retry: HTTPRetry
    /// Fault-injected delay before anything else (response flag DI).
    public var delay: Duration?
    /// Copies to send, fire and forget.
    public var mirrors: [UpstreamTarget]
    public var headers: HeaderOperations
}
