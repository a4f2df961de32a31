/// Envoy's least-request balancing for equal weights: pick two endpoints at random and
/// take the one with fewer requests in flight ("power of two choices"), which avoids
/// the herd a strict minimum would cause. The data path reports starts and ends.
public struct LeastRequestBalancer: Sendable, Hashable {
    private var active: [HostPort: Int] = [:]

    public init() {}

    public func activeRequests(at endpoint: HostPort) -> Int {
        active[endpoint, default: 0]
    }

    public mutating func requestStarted(at endpoint: HostPort) {
        active[endpoint, default: 0] += 1
    }

    public mutating func requestFinished(at endpoint: HostPort) {
        guard let count = active[endpoint] else { return }
        active[endpoint] = count > 1 ? count - 1 : nil
    }

    public func pick(from endpoints: [ServiceEndpoint], using random: inout some RandomNumberGenerator) -> ServiceEndpoint? {
        guard endpoints.count > 1 else { return endpoints.first }
        let first = Int.random(in: 0..<endpoints.count, using: &random)
        var second = Int.random(in: 0..<(endpoints.count - 1), using: &random)
        if second >= first { second += 1 }
        let a = endpoints[first]
        let b = endpoints[second]
        return activeRequests(at: b.address) < activeRequests(at: a.address) ? b : a
    }
}
