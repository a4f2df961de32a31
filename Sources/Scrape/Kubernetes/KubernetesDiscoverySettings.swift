/// What one Kubernetes discovery needs, resolved from a `kubernetes_sd_configs` entry by
/// the CLI (the Scrape module does not read the config file).
public struct KubernetesDiscoverySettings: Sendable, Hashable {
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// Prometheus' roles MeshScope implements.
    public enum Role: String, Sendable, Hashable {
        /// One target per container port of every pod.
        case pod
        /// One target per address and port of every Endpoints object, with its service's
        /// and pod's labels.
        case endpoints
    }

    public var role: Role

    /// `http(s)://host:port` without a trailing slash; nil means in-cluster, read from
    /// `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT` at each list.
    public var apiServer: String?
    /// Empty with `ownNamespace` false: every namespace (`/api/v1/pods`).
    public var namespaces: [String]
    public var ownNamespace: Bool
    /// Per list, passed as `labelSelector` / `fieldSelector`.
    public var selectors: [KubernetesResource: KubernetesResource.Selector]
    /// Read before every list, since projected service-account tokens rotate.
    public var bearerTokenFile: String
    /// A missing default token file means no Authorization header; a configured one that
    /// cannot be read fails the list.
    public var bearerTokenRequired: Bool
    public var caFile: String?
    public var insecureSkipVerify: Bool
    public var refreshMilliseconds: Int64
    /// Where `ownNamespace` is read from.
    public var namespaceFile = KubernetesDiscoverySettings.serviceAccountDirectory + "/namespace"

    public init(role: Role = .pod, apiServer: String?, namespaces: [String] = [], ownNamespace: Bool = false,
                selectors: [KubernetesResource: KubernetesResource.Selector] = [:], bearerTokenFile: String,
                bearerTokenRequired: Bool, caFile: String?, insecureSkipVerify: Bool = false,
                refreshMilliseconds: Int64 = 30_000) {
        self.role = role
        self.apiServer = apiServer
        self.namespaces = namespaces
        self.ownNamespace = ownNamespace
        self.selectors = selectors
        self.bearerTokenFile = bearerTokenFile
        self.bearerTokenRequired = bearerTokenRequired
        self.caFile = caFile
        self.insecureSkipVerify = insecureSkipVerify
        self.refreshMilliseconds = refreshMilliseconds
    }
}
