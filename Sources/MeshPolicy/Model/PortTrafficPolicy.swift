/// One entry of `portLevelSettings`: a traffic policy for one destination port.
public struct PortTrafficPolicy: Sendable, Hashable {
    public var port: Int
    public var loadBalancer: LoadBalancerSettings?
    public var connectionPool: ConnectionPoolSettings?
    public var outlierDetection: OutlierDetectionSettings?
    public var tls: ClientTLSSettings?

    public init(port: Int, loadBalancer: LoadBalancerSettings? = nil, connectionPool: ConnectionPoolSettings? = nil,
                outlierDetection: OutlierDetectionSettings? = nil, tls: ClientTLSSettings? = nil) {
        self.port = port
        self.loadBalancer = loadBalancer
        self.connectionPool = connectionPool
        self.outlierDetection = outlierDetection
        self.tls = tls
    }
}
