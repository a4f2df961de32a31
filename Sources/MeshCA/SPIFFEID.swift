/// A workload identity in SPIFFE's Kubernetes form, as Istio issues it:
/// `spiffe://<trust-domain>/ns/<namespace>/sa/<service-account>`.
public struct SPIFFEID: Sendable, Hashable, CustomStringConvertible {
    public var trustDomain: String
    public var namespace: String
    public var serviceAccount: String

    public init(trustDomain: String, namespace: String, serviceAccount: String) {
        self.trustDomain = trustDomain
        self.namespace = namespace
        self.serviceAccount = serviceAccount
    }

    /// Parses `spiffe://td/ns/N/sa/S`; nil for anything else (other paths, empty parts,
    /// query or fragment, upper-case scheme variants are accepted as SPIFFE allows only lower case).
    public init?(uri: String) {
        let prefix = "spiffe://"
        guard uri.hasPrefix(prefix) else { return nil }
        let rest = uri.dropFirst(prefix.count)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[1] == "ns", parts[3] == "sa" else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-._")
        for part in [parts[0], parts[2], parts[4]] {
            guard !part.isEmpty, part.count <= 253, part.allSatisfy({ allowed.contains($0) }) else { return nil }
        }
        self.init(trustDomain: parts[0], namespace: parts[2], serviceAccount: parts[4])
    }

    public var uri: String { "spiffe://\(trustDomain)/ns/\(namespace)/sa/\(serviceAccount)" }
    public var description: String { uri }
}
