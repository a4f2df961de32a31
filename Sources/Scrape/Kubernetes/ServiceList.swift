/// The part of a Kubernetes `ServiceList` (`GET /api/v1/services`) that endpoints
/// discovery reads: a service's name, labels and annotations.
public struct ServiceList: Decodable, Sendable, Hashable {
    public struct Service: Decodable, Sendable, Hashable {
        public var metadata: PodList.Metadata
    }

    public var items: [Service]
}
