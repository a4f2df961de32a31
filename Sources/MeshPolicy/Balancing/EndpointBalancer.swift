/// The balancer a traffic policy asks for, behind one interface the data path keeps per
/// upstream target.
public struct EndpointBalancer: Sendable, Hashable {
    private enum Strategy: Sendable, Hashable {
        case roundRobin(RoundRobinBalancer)
        case leastRequest(LeastRequestBalancer)
        case random(RandomBalancer)
        case consistentHash(ConsistentHashBalancer)
    }

    private var strategy: Strategy

    /// Istio's default (least request) when the policy names none.
    public init(_ settings: LoadBalancerSettings?) {
        switch settings ?? .istioDefault {
        case .roundRobin: strategy = .roundRobin(RoundRobinBalancer())
        case .leastRequest: strategy = .leastRequest(LeastRequestBalancer())
        case .random: strategy = .random(RandomBalancer())
        case .consistentHash(let header, let size):
            strategy = .consistentHash(ConsistentHashBalancer(headerName: header, minimumRingSize: size))
        }
    }

    /// Picks among `endpoints` (the healthy ones: outlier ejections already removed).
    public mutating func pick(from endpoints: [ServiceEndpoint], headers: [String: String] = [:],
                              using random: inout some RandomNumberGenerator) -> ServiceEndpoint? {
        switch strategy {
        case .roundRobin(var balancer):
            defer { strategy = .roundRobin(balancer) }
            return balancer.pick(from: endpoints)
        case .leastRequest(let balancer):
            return balancer.pick(from: endpoints, using: &random)
        case .random(let balancer):
            return balancer.pick(from: endpoints, using: &random)
        case .consistentHash(var balancer):
            defer { strategy = .consistentHash(balancer) }
            return balancer.pick(from: endpoints, headers: headers, using: &random)
        }
    }

    /// Least request needs to know what is in flight; the others ignore it.
    public mutating func requestStarted(at endpoint: HostPort) {
        guard case .leastRequest(var balancer) = strategy else { return }
        balancer.requestStarted(at: endpoint)
        strategy = .leastRequest(balancer)
    }

    public mutating func requestFinished(at endpoint: HostPort) {
        guard case .leastRequest(var balancer) = strategy else { return }
        balancer.requestFinished(at: endpoint)
        strategy = .leastRequest(balancer)
    }
}
