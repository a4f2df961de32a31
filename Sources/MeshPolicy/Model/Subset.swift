/// A named group of a service's endpoints, selected by labels (usually `version`), with
/// an optional policy overriding the rule's.
public struct Subset: Sendable, Hashable {
    public var name: String
    public var labels: [String: String]
    public var trafficPolicy: TrafficPolicy?

    public init(name: String, labels: [String: String] = [:], trafficPolicy: TrafficPolicy? = nil) {
        self.name = name
        self.labels = labels
        self.trafficPolicy = trafficPolicy
    }

    /// An endpoint belongs to the subset when it carries every one of its labels.
    public func selects(_ endpointLabels: [String: String]) -> Bool {
        labels.allSatisfy { endpointLabels[$0.key] == $0.value }
    }
}
