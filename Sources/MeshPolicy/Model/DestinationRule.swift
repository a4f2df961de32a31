/// An Istio `DestinationRule`: the subsets of one host and the traffic policy for it.
public struct DestinationRule: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var host: String
    public var trafficPolicy: TrafficPolicy?
    public var subsets: [Subset]

    public init(name: String, namespace: String? = nil, host: String, trafficPolicy: TrafficPolicy? = nil,
                subsets: [Subset] = []) {
        self.name = name
        self.namespace = namespace
        self.host = host
        self.trafficPolicy = trafficPolicy
        self.subsets = subsets
    }

    public func subset(named name: String) -> Subset? {
        subsets.first { $0.name == name }
    }
}
