import MeshPolicy
import NIOHTTP1

/// What the data path does with one request: a routing decision (outbound) or the
/// fixed forward to the local app (inbound), in one shape.
struct ForwardPlan: Sendable {
    enum Action: Sendable {
        case forward(UpstreamTarget, cluster: String)
        case redirect(status: Int, location: String)
        case abort(status: Int)
        case noRoute(reason: String)
    }

    var action: Action
    var path: String
    var authority: String
    var timeout: Duration?
    var retry: HTTPRetry
    var delay: Duration?
    var mirrors: [UpstreamTarget]
    var headers: HeaderOperations
    var routeName: String?
    /// The config generation that decided it.
    var generation: Int

    init(_ decision: RouteDecision, generation: Int) {
        switch decision.action {
        case .forward(let target): action = .forward(target, cluster: target.clusterName)
        case .redirect(let status, let location): action = .redirect(status: status, location: location)
        case .abort(let status): action = .abort(status: status)
        case .noRoute(let reason): action = .noRoute(reason: reason)
        }
        path = decision.path
        authority = decision.authority
        timeout = decision.timeout
        retry = decision.retry
        delay = decision.delay
        mirrors = decision.mirrors
        headers = decision.headers
        routeName = decision.matchedRoute.map { $0.routeName ?? "\($0.virtualService).\($0.namespace).\($0.routeIndex)" }
        self.generation = generation
    }

    /// Inbound: everything goes to the app, once, as Envoy's inbound clusters do.
    static func inbound(app: HostPort, listenerPort: Int, path: String, authority: String,
                        generation: Int) -> ForwardPlan {
        let target = UpstreamTarget(host: app.host, port: app.port, endpoints: [ServiceEndpoint(address: app)])
        return ForwardPlan(action: .forward(target, cluster: "inbound|\(app.port)||"), path: path, authority: authority,
                           timeout: nil, retry: .disabled, delay: nil, mirrors: [], headers: HeaderOperations(),
                           routeName: "default", generation: generation)
    }

    private init(action: Action, path: String, authority: String, timeout: Duration?, retry: HTTPRetry,
                 delay: Duration?, mirrors: [UpstreamTarget], headers: HeaderOperations, routeName: String?,
                 generation: Int) {
        self.action = action
        self.path = path
        self.authority = authority
        self.timeout = timeout
        self.retry = retry
        self.delay = delay
        self.mirrors = mirrors
        self.headers = headers
        self.routeName = routeName
        self.generation = generation
    }
}
