/// The part of a Kubernetes `PodList` (`GET /api/v1/pods`) that pod discovery reads.
/// Optional wherever the API may leave a field out, so a pod without labels, ports or
/// an IP yet still decodes.
public struct PodList: Decodable, Sendable, Hashable {
    public struct Pod: Decodable, Sendable, Hashable {
        public var metadata: Metadata
        public var spec: Spec?
        public var status: Status?
    }

    public struct Metadata: Decodable, Sendable, Hashable {
        public var name: String
        public var namespace: String?
        public var uid: String?
        public var labels: [String: String]?
        public var annotations: [String: String]?
        public var ownerReferences: [OwnerReference]?
    }

    public struct OwnerReference: Decodable, Sendable, Hashable {
        public var kind: String
        public var name: String
        public var controller: Bool?
    }

    public struct Spec: Decodable, Sendable, Hashable {
        public var nodeName: String?
        public var containers: [Container]?
    }

    public struct Container: Decodable, Sendable, Hashable {
        public var name: String
        public var image: String?
        public var ports: [Port]?
    }

    public struct Port: Decodable, Sendable, Hashable {
        public var name: String?
        public var containerPort: Int
        public var `protocol`: String?
    }

    public struct Status: Decodable, Sendable, Hashable {
        public var phase: String?
        public var podIP: String?
        public var hostIP: String?
        public var conditions: [Condition]?
    }

    public struct Condition: Decodable, Sendable, Hashable {
        public var type: String
        public var status: String
    }

    public var kind: String?
    public var items: [Pod]
}
