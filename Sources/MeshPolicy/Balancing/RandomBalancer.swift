/// Picks uniformly at random.
public struct RandomBalancer: Sendable, Hashable {
    public init() {}

    public func pick(from endpoints: [ServiceEndpoint], using random: inout some RandomNumberGenerator) -> ServiceEndpoint? {
        endpoints.randomElement(using: &random)
    }
}
