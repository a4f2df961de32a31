/// Takes the endpoints in turn. The position survives changes of the endpoint list (an
/// ejection, say) by wrapping, so no endpoint is favoured after one.
public struct RoundRobinBalancer: Sendable, Hashable {
    private var next = 0

    public init() {}

    public mutating func pick(from endpoints: [ServiceEndpoint]) -> ServiceEndpoint? {
        guard !endpoints.isEmpty else { return nil }
        let index = next % endpoints.count
        next = index + 1
        return endpoints[index]
    }
}
