/// An Istio `VirtualService` (networking.istio.io v1alpha3, v1beta1 or v1), holding the
/// parts MeshScope applies.
public struct VirtualService: Sendable, Hashable {
    public var name: String
    /// `metadata.namespace`; nil means the workload's own namespace.
    public var namespace: String?
    public var hosts: [String]
    /// Empty means `mesh` (the sidecars), as in Istio.
    public var gateways: [String]
    public var http: [HTTPRoute]
    public var tcp: [TCPRoute]

    public init(name: String, namespace: String? = nil, hosts: [String], gateways: [String] = [],
                http: [HTTPRoute] = [], tcp: [TCPRoute] = []) {
        self.name = name
        self.namespace = namespace
        self.hosts = hosts
        self.gateways = gateways
        self.http = http
        self.tcp = tcp
    }

    /// Whether the sidecars apply it: no gateways listed, or `mesh` among them.
    public var appliesToSidecars: Bool {
        gateways.isEmpty || gateways.contains("mesh")
    }
}
