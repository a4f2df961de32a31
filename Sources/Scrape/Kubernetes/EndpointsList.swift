/// The part of a Kubernetes `EndpointsList` (`GET /api/v1/endpoints`) that endpoints
/// discovery reads. Optional wherever the API may leave a field out.
public struct EndpointsList: Decodable, Sendable, Hashable {
    public struct Endpoints: Decodable, Sendable, Hashable {
        public var metadata: PodList.Metadata
        public var subsets: [Subset]?
    }

    public struct Subset: Decodable, Sendable, Hashable {
        public var addresses: [Address]?
        public var notReadyAddresses: [Address]?
        public var ports: [Port]?
    }

    public struct Address: Decodable, Sendable, Hashable {
        public var ip: String
        public var hostname: String?
        public var nodeName: String?
        public var targetRef: TargetRef?
    }

    public struct TargetRef: Decodable, Sendable, Hashable {
        public var kind: String?
        public var name: String?
        public var namespace: String?
    }

    public struct Port: Decodable, Sendable, Hashable {
        public var name: String?
        public var port: Int
        public var `protocol`: String?
        public var appProtocol: String?
    }

    public var items: [Endpoints]
}
