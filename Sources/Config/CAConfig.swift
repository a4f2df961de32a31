import Yams

/// The `ca` section: the mesh certificate authority that signs the sidecars' workload
/// certificates (`POST /api/v1/ca/certificates`, `GET /api/v1/ca/root`). Its root
/// (P-256, 10 years) is created on first start in `<data_dir>/ca/` and loaded afterwards.
/// Read at start.
public struct CAConfig: Sendable, Hashable {
    /// Serve the CA endpoints (and create or load the root). Off by default.
    public var enabled: Bool
    /// The SPIFFE trust domain: identities are `spiffe://<trust_domain>/ns/<ns>/sa/<sa>`.
    public var trustDomain: String
    /// Lifetime of a workload certificate when the CSR does not ask for less (Istio's
    /// `DEFAULT_WORKLOAD_CERT_TTL`, 24h).
    public var workloadCertTTL: PromDuration
    /// A file holding the bearer token sidecars present to get a certificate. Empty:
    /// no token, and the endpoint then answers loopback callers only.
    public var bootstrapTokenFile: String

    public init(enabled: Bool = false, trustDomain: String = "cluster.local",
                workloadCertTTL: PromDuration = .hours(24), bootstrapTokenFile: String = "") {
        self.enabled = enabled
        self.trustDomain = trustDomain
        self.workloadCertTTL = workloadCertTTL
        self.bootstrapTokenFile = bootstrapTokenFile
    }
}

extension CAConfig: ConfigSection {
    static let key = "ca"

    init() {
        self.init(enabled: false)
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> CAConfig {
        let map = try node.mapping(allowed: ["enabled", "trust_domain", "workload_cert_ttl", "bootstrap_token_file"])
        var ca = CAConfig()
        if let value = map["enabled"] { ca.enabled = try value.bool() }
        if let value = map["trust_domain"] {
            let domain = try value.string()
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-._")
            if domain.isEmpty || !domain.allSatisfy({ allowed.contains($0) }) {
                throw value.error("must be a non-empty lower-case DNS-like name (letters, digits, '-', '.', '_')")
            }
            ca.trustDomain = domain
        }
        if let value = map["workload_cert_ttl"] {
            ca.workloadCertTTL = try value.duration()
            if ca.workloadCertTTL < .seconds(1) { throw value.error("must be at least 1s") }
        }
        if let value = map["bootstrap_token_file"] { ca.bootstrapTokenFile = try value.string() }
        return ca
    }

    var yamlNode: Node {
        .section([
            ("enabled", .flag(enabled)),
            ("trust_domain", .text(trustDomain)),
            ("workload_cert_ttl", .duration(workloadCertTTL)),
            ("bootstrap_token_file", .text(bootstrapTokenFile)),
        ])
    }
}

extension MeshScopeConfig {
    /// The `ca` section (the mesh certificate authority).
    public var ca: CAConfig {
        get { self[section: CAConfig.self] }
        set { self[section: CAConfig.self] = newValue }
    }
}
