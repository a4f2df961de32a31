/// Who the proxied workload is, as Istio's telemetry labels name it.
public struct WorkloadIdentity: Sendable, Hashable {
    public var name: String
    public var app: String
    public var version: String
    public var namespace: String
    public var serviceAccount: String
    public var cluster: String
    public var trustDomain: String
    /// Every label of the workload, `app` and `version` included.
    public var labels: [String: String]

    public init(name: String, app: String, version: String = "unknown", namespace: String = "default",
                serviceAccount: String = "default", cluster: String = "Kubernetes",
                trustDomain: String = "cluster.local", labels: [String: String] = [:]) {
        self.name = name
        self.app = app
        self.version = version
        self.namespace = namespace
        self.serviceAccount = serviceAccount
        self.cluster = cluster
        self.trustDomain = trustDomain
        var all = labels
        all["app"] = app
        if version != "unknown" { all["version"] = version }
        self.labels = all
    }

    /// The SPIFFE identity Istio gives the workload: `spiffe://cluster.local/ns/NS/sa/SA`.
    public var principal: String {
        "spiffe://\(trustDomain)/ns/\(namespace)/sa/\(serviceAccount)"
    }
}
