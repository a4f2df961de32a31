/// Istio's `connection_security_policy` label. The source reporter cannot see the server's
/// policy, so Istio has it report `unknown`.
public enum ConnectionSecurityPolicy: String, Sendable, Hashable, CaseIterable {
    case none
    case mutualTLS = "mutual_tls"
    case unknown
}
