/// A resolved destination: the service, subset and port a request goes to, the
/// endpoints it may use and the traffic policy that governs them.
public struct UpstreamTarget: Sendable, Hashable {
    /// FQDN for a mesh service, otherwise the host as written.
    public var host: String
    /// Nil when ProxyConfig lists no such service (the data path answers 503, UH).
    public var service: MeshService?
    public var subset: String?
    public var port: Int
    /// The service's endpoints the subset selects (all of them without a subset).
    public var endpoints: [ServiceEndpoint]
    /// DestinationRule policy with subset and port-level overrides applied.
    public var trafficPolicy: TrafficPolicy

    public init(host: String, service: MeshService? = nil, subset: String? = nil, port: Int,
                endpoints: [ServiceEndpoint] = [], trafficPolicy: TrafficPolicy = TrafficPolicy()) {
        self.host = host
        self.service = service
        self.subset = subset
        self.port = port
        self.endpoints = endpoints
        self.trafficPolicy = trafficPolicy
    }

    /// Envoy's cluster name, `outbound|9080|v1|reviews.default.svc.cluster.local`, which
    /// access logs and upstream stats carry.
    public var clusterName: String {
        "outbound|\(port)|\(subset ?? "")|\(host)"
    }
}
