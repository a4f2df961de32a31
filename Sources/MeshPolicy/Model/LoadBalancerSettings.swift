/// How a request picks an endpoint among a destination's healthy ones.
public enum LoadBalancerSettings: Sendable, Hashable {
    case roundRobin
    /// Envoy's least request: the less loaded of two random picks. `LEAST_CONN` is its
    /// old name. Istio's default since 1.14.
    case leastRequest
    case random
    /// Ring hash on the value of a request header; requests without it pick at random.
    case consistentHash(headerName: String, minimumRingSize: Int)

    public static let istioDefault = LoadBalancerSettings.leastRequest
    /// Envoy's default `minimum_ring_size`.
    public static let defaultRingSize = 1024
}
