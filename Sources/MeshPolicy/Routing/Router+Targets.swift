extension Router {
    /// Resolves a destination written in a rule of `namespace`: the service, the
    /// endpoints its subset selects, and the effective traffic policy (rule, then its
    /// port level, then the subset, then the subset's port level).
    public func target(_ destination: Destination, namespace: String) -> UpstreamTarget {
        let host = registry.canonical(destination.host, namespace: namespace)
        let service = registry.services[host]
        let port = destination.port ?? service?.port ?? 80
        var target = UpstreamTarget(host: host, service: service, subset: destination.subset, port: port)
        let rule = destinationRule(forHost: host)
        var policy = (rule?.trafficPolicy ?? TrafficPolicy()).forPort(port)
        var endpoints = service?.endpoints ?? []
        if let subsetName = destination.subset {
            if let subset = rule?.subset(named: subsetName) {
                endpoints = endpoints.filter { subset.selects($0.labels) }
                if let subsetPolicy = subset.trafficPolicy {
                    policy = policy.overridden(by: subsetPolicy.forPort(port))
                }
            } else {
                endpoints = []
            }
        }
        target.endpoints = endpoints
        target.trafficPolicy = policy
        return target
    }

    /// The decision for a connection on a TCP pass-through listener whose upstream is
    /// `upstream`: the `tcp` routes of the VirtualService for that host, first route
    /// whose ports match; otherwise the service itself.
    public func routeTCP(upstream: HostPort, using random: inout some RandomNumberGenerator) -> UpstreamTarget {
        let namespace = config.proxy.workload.namespace
        let host = registry.canonical(upstream.host, namespace: namespace)
        if let service = virtualService(forHost: host),
           let route = service.tcp.first(where: { $0.matchPorts.isEmpty || $0.matchPorts.contains(upstream.port) }),
           let chosen = Self.pickWeighted(route.route, using: &random) {
            return target(chosen.destination, namespace: service.namespace ?? namespace)
        }
        if registry.services[host] != nil {
            return target(Destination(host: host, port: upstream.port), namespace: namespace)
        }
        // A literal address: forward as it is.
        return UpstreamTarget(host: upstream.host, port: upstream.port,
                              endpoints: [ServiceEndpoint(address: upstream)])
    }

    /// Weighted choice: a lone destination takes everything; otherwise each gets its
    /// weight out of the total.
    static func pickWeighted(_ destinations: [WeightedDestination],
                             using random: inout some RandomNumberGenerator) -> WeightedDestination? {
        guard destinations.count > 1 else { return destinations.first }
        let total = destinations.reduce(0) { $0 + max(0, $1.weight ?? 0) }
        guard total > 0 else { return destinations.first }
        var draw = Int.random(in: 0..<total, using: &random)
        for destination in destinations {
            let weight = max(0, destination.weight ?? 0)
            if draw < weight { return destination }
            draw -= weight
        }
        return destinations.last
    }
}
