import Yams

/// One `kubernetes_sd_configs` entry of a scrape job, in Prometheus' shape: pods (role
/// `pod`) or the endpoints of services (role `endpoints`) read from the Kubernetes API
/// become targets carrying `__meta_kubernetes_*` labels, which the job's `relabel_configs`
/// turn into scrape targets.
///
/// MeshScope lists them every `refresh_interval` instead of watching them.
public struct KubernetesSDConfig: Sendable, Hashable {
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"
    public static let defaultBearerTokenFile = serviceAccountDirectory + "/token"
    public static let defaultCAFile = serviceAccountDirectory + "/ca.crt"
    public static let defaultRefreshInterval = PromDuration(milliseconds: 30_000)

    /// `pod` and `endpoints`; Prometheus' other roles are a config error. `service` names
    /// only what a selector of an `endpoints` entry narrows.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case pod
        case endpoints
        case service
    }

    /// A `selectors` entry: Kubernetes label and field selectors for the list of its role,
    /// passed to the API as is.
    public struct Selector: Sendable, Hashable {
        public var role: Role
        public var label: String
        public var field: String

        public init(role: Role = .pod, label: String = "", field: String = "") {
            self.role = role
            self.label = label
            self.field = field
        }
    }

    public var role: Role = .pod
    /// `http(s)://host:port`; nil means in-cluster (`KUBERNETES_SERVICE_HOST`/`_PORT`, https).
    public var apiServer: String?
    /// Namespaces to list; empty (and `ownNamespace` false) means every namespace.
    public var namespaces: [String] = []
    /// Also list the namespace the collector runs in (read from the service account).
    public var ownNamespace = false
    public var selectors: [Selector] = []
    /// nil: the service-account token when that file exists, else no Authorization header.
    public var bearerTokenFile: String?
    /// nil: the service-account CA when that file exists, else the system roots.
    public var caFile: String?
    public var insecureSkipVerify = false
    public var refreshInterval = KubernetesSDConfig.defaultRefreshInterval

    public init(role: Role = .pod, apiServer: String? = nil) {
        self.role = role
        self.apiServer = apiServer
    }
}
