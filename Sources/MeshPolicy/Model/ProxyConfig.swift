/// The one document of `kind: ProxyConfig` (`apiVersion: meshscope/v1`) that carries what
/// Kubernetes and istiod would otherwise tell a sidecar: who the workload is, where the
/// proxy listens, where telemetry goes, and which services the mesh has with their
/// endpoints and labels (so DestinationRule subsets select endpoints by label).
///
/// It sits in the same multi-document YAML as the Istio rules:
///
/// ```yaml
/// apiVersion: meshscope/v1
/// kind: ProxyConfig
/// metadata:
///   name: productpage-v1            # the workload (defaults spec.workload.name)
///   namespace: bookinfo             # defaults spec.workload.namespace, then "default"
/// spec:
///   workload:
///     name: productpage-v1          # required unless metadata.name is set
///     app: productpage              # required: the `app` label
///     version: v1                   # the `version` label; "unknown" when absent
///     namespace: bookinfo
///     serviceAccount: bookinfo-productpage   # default: "default"
///     cluster: Kubernetes           # Istio's cluster id label; default "Kubernetes"
///     trustDomain: cluster.local    # principal spiffe://TRUST/ns/NS/sa/SA
///     labels: {team: web}           # further labels, for sourceLabels matches
///   listeners:
///     inbound:  {port: 15006, app: 127.0.0.1:9080}   # in front of the local app
///     outbound: {port: 15001}                         # routes the app's calls by Host
///     admin:    {port: 15000}                         # /stats/prometheus, /ready...
///     tcp:                                            # optional TCP pass-through
///       - {name: mysql, port: 13306, upstream: mysqldb:3306}
///   collector:
///     address: 127.0.0.1:9098       # spans, access logs (Zipkin on 9411 also works)
///   tracing:
///     samplingPercentage: 100       # 0...100, default 1 (Istio's default)
///   accessLog:
///     path: /dev/stdout             # default: no file
///   services:
///     - name: reviews               # hosts: reviews, reviews.NS, reviews.NS.svc,
///       namespace: bookinfo         #   reviews.NS.svc.cluster.local (NS defaults to
///       port: 9080                  #   the workload's namespace), plus `hosts:` aliases
///       hosts: [reviews.example.com]
///       endpoints:
///         - {address: 127.0.0.1:9081, labels: {version: v1}}
///         - {address: 127.0.0.1:9082, labels: {version: v2}}
/// ```
///
/// Required: `spec.workload.app`, a workload name (here or in metadata), and
/// `listeners.inbound` or `listeners.outbound`. Every port is 1...65535 (0 is allowed
/// for a listener: the data path then picks a free port and logs it). An endpoint
/// without a `version` label still belongs to the service; it is just in no subset
/// that selects by version.
public struct ProxyConfig: Sendable, Hashable {
    public var workload: WorkloadIdentity
    public var listeners: ProxyListeners
    /// `host:port` of MeshScope's collector; nil sends nothing.
    public var collectorAddress: HostPort?
    /// 0...100.
    public var tracingSamplingPercentage: Double
    /// Access-log file (`/dev/stdout` for stdout); nil writes none.
    public var accessLogPath: String?
    public var services: [MeshService]

    public init(workload: WorkloadIdentity, listeners: ProxyListeners, collectorAddress: HostPort? = nil,
                tracingSamplingPercentage: Double = 1, accessLogPath: String? = nil,
                services: [MeshService] = []) {
        self.workload = workload
        self.listeners = listeners
        self.collectorAddress = collectorAddress
        self.tracingSamplingPercentage = tracingSamplingPercentage
        self.accessLogPath = accessLogPath
        self.services = services
    }

    /// The service a host name (short, `name.ns`, `name.ns.svc`, FQDN, or an alias)
    /// names, short names read in the workload's namespace.
    public func service(forHost host: String) -> MeshService? {
        ServiceRegistry(self).service(forHost: host, namespace: workload.namespace)
    }
}
