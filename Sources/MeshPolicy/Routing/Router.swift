/// Routing decisions from a `PolicyConfig`, pure: the same request and random draws
/// always give the same decision. Istio semantics: the VirtualService for the request's
/// host (the most specific host wins), its first matching HTTP route, weighted choice
/// among its destinations; without a VirtualService, the host's service as it is.
public struct Router: Sendable {
    public let config: PolicyConfig
    public let registry: ServiceRegistry
    /// Sidecar-applicable VirtualServices with their hosts in canonical form.
    private let virtualServices: [(hosts: [String], service: VirtualService)]
    private let destinationRules: [(host: String, rule: DestinationRule)]

    public init(config: PolicyConfig) {
        self.config = config
        let registry = ServiceRegistry(config.proxy)
        self.registry = registry
        let namespace = config.proxy.workload.namespace
        virtualServices = config.virtualServices.filter(\.appliesToSidecars).map { service in
            (service.hosts.map { registry.canonical($0, namespace: service.namespace ?? namespace) }, service)
        }
        destinationRules = config.destinationRules.map { rule in
            (registry.canonical(rule.host, namespace: rule.namespace ?? namespace), rule)
        }
    }

    private var workloadNamespace: String { config.proxy.workload.namespace }

    /// The decision for an outbound request. Random draws, in order: fault delay, fault
    /// abort, weighted destination, each mirror.
    public func route(_ request: RouteRequest, using random: inout some RandomNumberGenerator) -> RouteDecision {
        let host = registry.canonical(request.authority, namespace: workloadNamespace)
        var decision = RouteDecision(action: .noRoute(reason: "no route"), matchedRoute: nil, host: host,
                                     path: request.path, authority: request.authority, timeout: nil,
                                     retry: .istioDefault, delay: nil, mirrors: [], headers: HeaderOperations())
        guard let service = virtualService(forHost: host) else {
            guard registry.services[host] != nil else {
                decision.action = .noRoute(reason: "unknown host '\(HostName.normalize(request.authority))'")
                return decision
            }
            decision.action = .forward(target(Destination(host: host, port: request.authorityPort), namespace: workloadNamespace))
            return decision
        }
        let port = request.authorityPort ?? registry.services[host]?.port ?? (request.scheme == "https" ? 443 : 80)
        for (index, route) in service.http.enumerated() {
            guard let matched = firstMatch(route, request, port: port) else { continue }
            return decide(route, index: index, in: service, matched: matched, request: request, decision: decision,
                          random: &random)
        }
        decision.action = .noRoute(reason: "no route of VirtualService \(service.name) matched")
        return decision
    }

    /// The HTTP match entry that selected a route; `.some(nil)` when the route has no
    /// match entries (it matches everything), nil when it does not match.
    private func firstMatch(_ route: HTTPRoute, _ request: RouteRequest, port: Int) -> HTTPMatchRequest?? {
        if route.match.isEmpty { return .some(nil) }
        let source = config.proxy.workload
        return route.match.first { $0.matches(request, port: port, source: source) }.map { .some($0) }
    }

    private func decide(_ route: HTTPRoute, index: Int, in service: VirtualService, matched: HTTPMatchRequest?,
                        request: RouteRequest, decision initial: RouteDecision,
                        random: inout some RandomNumberGenerator) -> RouteDecision {
        var decision = initial
        let namespace = service.namespace ?? workloadNamespace
        decision.matchedRoute = .init(virtualService: service.name, namespace: namespace, routeIndex: index,
                                      routeName: route.name)
        decision.timeout = route.timeout.flatMap { $0 == .zero ? nil : $0 }
        decision.retry = route.retries ?? .istioDefault
        decision.headers = route.headers
        if let delay = route.fault?.delay, random.chance(delay.percentage) {
            decision.delay = delay.fixedDelay
        }
        if let abort = route.fault?.abort, random.chance(abort.percentage) {
            decision.action = .abort(status: abort.httpStatus)
            return decision
        }
        if let redirect = route.redirect {
            decision.action = .redirect(status: redirect.redirectCode, location: Self.location(redirect, request))
            return decision
        }
        guard let chosen = Self.pickWeighted(route.route, using: &random) else {
            decision.action = .noRoute(reason: "route \(index) of VirtualService \(service.name) has no destination")
            return decision
        }
        if let rewrite = route.rewrite {
            if let uri = rewrite.uri { decision.path = Self.rewrite(request.path, matched: matched?.uri, to: uri) }
            if let authority = rewrite.authority { decision.authority = authority }
        }
        decision.headers = route.headers.then(chosen.headers)
        decision.action = .forward(target(chosen.destination, namespace: namespace))
        for mirror in route.mirrors where random.chance(mirror.percentage) {
            decision.mirrors.append(target(mirror.destination, namespace: namespace))
        }
        return decision
    }

    /// The sidecar-applicable VirtualService for a canonical host: an exact host first,
    /// then the longest wildcard.
    public func virtualService(forHost host: String) -> VirtualService? {
        if let exact = virtualServices.first(where: { $0.hosts.contains(host) }) { return exact.service }
        var best: (length: Int, service: VirtualService)?
        for entry in virtualServices {
            for ruleHost in entry.hosts where ruleHost.hasPrefix("*") && HostName.covers(ruleHost, host) {
                if best == nil || ruleHost.count > best!.length { best = (ruleHost.count, entry.service) }
            }
        }
        return best?.service
    }

    /// The DestinationRule for a canonical host: exact first, then the longest wildcard.
    public func destinationRule(forHost host: String) -> DestinationRule? {
        if let exact = destinationRules.first(where: { $0.host == host }) { return exact.rule }
        return destinationRules.filter { HostName.covers($0.host, host) }.max { $0.host.count < $1.host.count }?.rule
    }
}
