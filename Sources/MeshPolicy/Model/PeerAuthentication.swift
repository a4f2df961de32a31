/// Istio's `PeerAuthentication` (`security.istio.io/v1beta1` and `v1`): which inbound
/// connections a workload's sidecar accepts. `mode` nil is `UNSET` (inherit).
public struct PeerAuthentication: Sendable, Hashable {
    public var name: String
    /// nil: the namespace of the proxy reading it.
    public var namespace: String?
    /// `selector.matchLabels`; nil applies to the whole namespace (mesh-wide in the root
    /// namespace `istio-system`).
    public var selector: [String: String]?
    public var mode: MutualTLSMode?
    /// `portLevelMtls`, by the workload's (application) port.
    public var portLevel: [Int: MutualTLSMode?]

    public init(name: String, namespace: String? = nil, selector: [String: String]? = nil, mode: MutualTLSMode? = nil,
                portLevel: [Int: MutualTLSMode?] = [:]) {
        self.name = name
        self.namespace = namespace
        self.selector = selector
        self.mode = mode
        self.portLevel = portLevel
    }

    /// Istio's root namespace: a policy there without a selector is mesh-wide.
    public static let rootNamespace = "istio-system"
}

/// `spec.mtls.mode`.
public enum MutualTLSMode: String, Sendable, Hashable, CaseIterable {
    /// Only mTLS connections with a client certificate from the mesh CA.
    case strict = "STRICT"
    /// mTLS and plaintext both (told apart by the first byte).
    case permissive = "PERMISSIVE"
    /// Plaintext only.
    case disable = "DISABLE"
}
