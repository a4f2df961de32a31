/// Who one end of a request is, in the terms Istio's labels use. Every field defaults to
/// `"unknown"`, which is what Istio reports when the peer's metadata is missing.
public struct PeerIdentity: Sendable, Hashable {
    /// Workload name (`reviews-v1`).
    public var workload: String
    public var namespace: String
    /// The workload's `app` label.
    public var app: String
    /// The workload's `version` label.
    public var version: String
    /// SPIFFE identity (`spiffe://cluster.local/ns/default/sa/reviews`), `unknown` without mTLS.
    public var principal: String
    /// `service.istio.io/canonical-name`; Istio falls back to the `app` label.
    public var canonicalService: String
    /// `service.istio.io/canonical-revision`; Istio falls back to `version`, then `latest`.
    public var canonicalRevision: String
    /// Cluster id (`Kubernetes` in a single-cluster mesh).
    public var cluster: String

    public static let unknownValue = "unknown"
    /// A peer nothing is known about.
    public static let unknown = PeerIdentity()

    public init(workload: String = PeerIdentity.unknownValue, namespace: String = PeerIdentity.unknownValue,
                app: String = PeerIdentity.unknownValue, version: String = PeerIdentity.unknownValue,
                principal: String = PeerIdentity.unknownValue, canonicalService: String? = nil,
                canonicalRevision: String? = nil, cluster: String = PeerIdentity.unknownValue) {
        self.workload = workload
        self.namespace = namespace
        self.app = app
        self.version = version
        self.principal = principal
        // Istio's defaults for the canonical labels when the pod does not set them.
        self.canonicalService = canonicalService ?? (app != PeerIdentity.unknownValue ? app : workload)
        self.canonicalRevision = canonicalRevision ?? (version != PeerIdentity.unknownValue ? version : "latest")
        self.cluster = cluster
    }

    /// The Zipkin service name Istio's proxies report: `<app>.<namespace>` (the canonical
    /// service standing in when there is no `app` label).
    public var zipkinServiceName: String {
        let name = app != PeerIdentity.unknownValue ? app : canonicalService
        return "\(name).\(namespace)"
    }

    /// Whether anything identifies this peer (Istio leaves every field `unknown` otherwise).
    public var isKnown: Bool {
        workload != PeerIdentity.unknownValue || app != PeerIdentity.unknownValue
    }
}
