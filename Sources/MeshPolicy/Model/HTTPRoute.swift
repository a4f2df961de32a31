/// One entry of a VirtualService's `http` list: conditions, and what to do with a
/// request that meets them (forward by weight, or redirect), with its policies.
public struct HTTPRoute: Sendable, Hashable {
    public var name: String?
    public var match: [HTTPMatchRequest]
    public var route: [WeightedDestination]
    public var redirect: HTTPRedirect?
    public var rewrite: HTTPRewrite?
    /// Nil: no timeout configured (Istio's default is none for HTTP routes).
    public var timeout: Duration?
    /// Nil: Istio's default retry policy applies (see `HTTPRetry.istioDefault`).
    public var retries: HTTPRetry?
    public var fault: HTTPFault?
    public var mirrors: [MirrorPolicy]
    public var headers: HeaderOperations

    public init(name: String? = nil, match: [HTTPMatchRequest] = [], route: [WeightedDestination] = [],
                redirect: HTTPRedirect? = nil, rewrite: HTTPRewrite? = nil, timeout: Duration? = nil,
                retries: HTTPRetry? = nil, fault: HTTPFault? = nil, mirrors: [MirrorPolicy] = [],
                headers: HeaderOperations = HeaderOperations()) {
        self.name = name
        self.match = match
        self.route = route
        self.redirect = redirect
        self.rewrite = rewrite
        self.timeout = timeout
        self.retries = retries
        self.fault = fault
        self.mirrors = mirrors
        self.headers = headers
    }
}
