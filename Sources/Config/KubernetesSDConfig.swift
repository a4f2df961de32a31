import Yams

/// One `kubernetes_sd_configs` entry of a scrape job, in Prometheus' shape: pods read
/// from the Kubernetes API become targets carrying `__meta_kubernetes_pod_*` labels,
/// which the job's `relabel_configs` turn into scrape targets.
///
/// MeshScope lists pods every `refresh_interval` instead of watching them.
public struct KubernetesSDConfig: Sendable, Hashable {
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"
    public static let defaultBearerTokenFile = serviceAccountDirectory + "/token"
    public static let defaultCAFile = serviceAccountDirectory + "/ca.crt"
    public static let defaultRefreshInterval = PromDuration(milliseconds: 30_000)

    /// Only `pod` today; the other Prometheus roles are a config error.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case pod
    }

    /// A `selectors` entry: Kubernetes label and field selectors, passed to the API as is.
    public struct Selector: Sendable, Hashable {
        public var label: String
        public var field: String

        public init(label: String = "", field: String = "") {
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
