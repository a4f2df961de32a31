/// Istio's `TrafficPolicy`. A more specific policy (a port's, a subset's) replaces a
/// less specific one field by field: a subset's `loadBalancer` wins over the rule's,
/// and the rule's `connectionPool` still applies when the subset has none.
public struct TrafficPolicy: Sendable, Hashable {
    public var loadBalancer: LoadBalancerSettings?
    public var connectionPool: ConnectionPoolSettings?
    public var outlierDetection: OutlierDetectionSettings?
    /// `ISTIO_MUTUAL` and `DISABLE` are applied to outbound connections; see `ClientTLSSettings`.
    public var tls: ClientTLSSettings?
    public var portLevelSettings: [PortTrafficPolicy]

    public init(loadBalancer: LoadBalancerSettings? = nil, connectionPool: ConnectionPoolSettings? = nil,
                outlierDetection: OutlierDetectionSettings? = nil, tls: ClientTLSSettings? = nil,
                portLevelSettings: [PortTrafficPolicy] = []) {
        self.loadBalancer = loadBalancer
        self.connectionPool = connectionPool
        self.outlierDetection = outlierDetection
        self.tls = tls
        self.portLevelSettings = portLevelSettings
    }

    /// This policy with `override`'s fields where it has them.
    public func overridden(by override: TrafficPolicy?) -> TrafficPolicy {
        guard let override else { return self }
        return TrafficPolicy(loadBalancer: override.loadBalancer ?? loadBalancer,
                             connectionPool: override.connectionPool ?? connectionPool,
                             outlierDetection: override.outlierDetection ?? outlierDetection,
                             tls: override.tls ?? tls,
                             portLevelSettings: override.portLevelSettings.isEmpty ? portLevelSettings : override.portLevelSettings)
    }

    /// This policy with its `portLevelSettings` for `port` applied (and then dropped).
    public func forPort(_ port: Int?) -> TrafficPolicy {
        var out = self
        out.portLevelSettings = []
        guard let port, let level = portLevelSettings.first(where: { $0.port == port }) else { return out }
        return out.overridden(by: TrafficPolicy(loadBalancer: level.loadBalancer, connectionPool: level.connectionPool,
                                                outlierDetection: level.outlierDetection, tls: level.tls))
    }
}
