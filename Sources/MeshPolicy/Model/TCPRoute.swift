/// One entry of a VirtualService's `tcp` list, for the TCP pass-through listeners:
/// connections to a matching port go to the weighted destinations.
public struct TCPRoute: Sendable, Hashable {
    /// Ports that select this route (the upstream port the listener forwards to); empty
    /// matches every port.
    public var matchPorts: [Int]
    public var route: [WeightedDestination]

    public init(matchPorts: [Int] = [], route: [WeightedDestination]) {
        self.matchPorts = matchPorts
        self.route = route
    }
}
