/// The mTLS mode in force for one workload port, by Istio's precedence: a policy whose
/// selector matches the workload, then the namespace's policy without selector, then the
/// mesh-wide one (root namespace, no selector); `UNSET` inherits from the next level;
/// `PERMISSIVE` when nothing says otherwise. Port-level settings apply only to a policy
/// with a selector, as in Istio. Among several at one level the first listed wins.
public enum PeerAuthenticationResolver {
    public static let defaultMode = MutualTLSMode.permissive

    public static func mode(_ policies: [PeerAuthentication], workload: WorkloadIdentity, port: Int?) -> MutualTLSMode {
        let namespace = workload.namespace
        func inNamespace(_ policy: PeerAuthentication, _ ns: String) -> Bool { (policy.namespace ?? namespace) == ns }
        let workloadLevel = policies.first { policy in
            guard inNamespace(policy, namespace), let selector = policy.selector, !selector.isEmpty else { return false }
            return selector.allSatisfy { workload.labels[$0.key] == $0.value }
        }
        let namespaceLevel = policies.first { inNamespace($0, namespace) && ($0.selector?.isEmpty ?? true) }
        let meshLevel = policies.first {
            inNamespace($0, PeerAuthentication.rootNamespace) && ($0.selector?.isEmpty ?? true)
        }
        if let policy = workloadLevel {
            if let port, let portMode = policy.portLevel[port], let portMode { return portMode }
            if let mode = policy.mode { return mode }
        }
        if let mode = namespaceLevel?.mode { return mode }
        if let mode = meshLevel?.mode { return mode }
        return defaultMode
    }
}
