/// Splits a Kubernetes service host (`reviews.default.svc.cluster.local`, `reviews.default`,
/// or a bare `reviews`) into Istio's `destination_service_name` and `_namespace`.
public struct ServiceHost: Sendable, Hashable {
    public var name: String
    public var namespace: String?

    public init(_ host: String) {
        // A port (`reviews:9080`) is not part of the service name.
        let hostOnly = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? host
        let labels = hostOnly.split(separator: ".", omittingEmptySubsequences: false)
        name = labels.first.map(String.init) ?? hostOnly
        namespace = labels.count >= 2 && !labels[1].isEmpty ? String(labels[1]) : nil
    }
}
