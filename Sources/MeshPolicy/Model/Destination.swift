/// Where a route sends traffic: a host (as written in the rule, resolved later against
/// the rule's namespace), an optional subset of a DestinationRule, an optional port.
public struct Destination: Sendable, Hashable {
    public var host: String
    public var subset: String?
    public var port: Int?

    public init(host: String, subset: String? = nil, port: Int? = nil) {
        self.host = host
        self.subset = subset
        self.port = port
    }
}

/// A destination with its share of the traffic. `weight` is nil when not written:
/// a lone destination takes everything whatever it says.
public struct WeightedDestination: Sendable, Hashable {
    public var destination: Destination
    public var weight: Int?
    public var headers: HeaderOperations

    public init(destination: Destination, weight: Int? = nil, headers: HeaderOperations = HeaderOperations()) {
        self.destination = destination
        self.weight = weight
        self.headers = headers
    }
}
