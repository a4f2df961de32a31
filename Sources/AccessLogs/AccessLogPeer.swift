/// One end of a request: the client (source) or the server (destination) workload.
/// Every field is optional; which ones are known depends on the record's shape.
public struct AccessLogPeer: Sendable, Hashable {
    public var workload: String?
    /// The `app` label.
    public var app: String?
    /// The service name, short form (`reviews`, not `reviews.default.svc.cluster.local`).
    public var service: String?
    public var namespace: String?
    /// The `version` label, or the subset of an `outbound|PORT|SUBSET|HOST` cluster.
    public var version: String?
    /// The peer's IP (nested form's `ip`).
    public var address: String?

    public init(workload: String? = nil, app: String? = nil, service: String? = nil,
                namespace: String? = nil, version: String? = nil, address: String? = nil) {
        self.workload = workload
        self.app = app
        self.service = service
        self.namespace = namespace
        self.version = version
        self.address = address
    }

    /// The name the search API filters on, the way Istio picks a canonical service: the
    /// service if known, else the app label, else the workload name.
    public var name: String? { service ?? app ?? workload }

    /// True when the record says who the peer is (not just where).
    var isIdentified: Bool { workload != nil || app != nil || service != nil }
}
