extension DocumentReader {
    static let securityVersions: Set<String> = ["v1beta1", "v1"]

    /// `PeerAuthentication`'s spec: `selector.matchLabels`, `mtls.mode`, `portLevelMtls`.
    mutating func peerAuthentication(_ spec: PolicyNode, name: String, namespace: String?) -> PeerAuthentication? {
        guard let fields = mapping(spec, FieldSet(["selector", "mtls", "portLevelMtls"])) else { return nil }
        var policy = PeerAuthentication(name: name, namespace: namespace)
        if let selectorNode = fields["selector"], let selector = mapping(selectorNode, FieldSet(["matchLabels"])) {
            policy.selector = stringMap(selector["matchLabels"])
        }
        if let mtls = fields["mtls"] {
            guard let mode = mtlsMode(mtls) else { return nil }
            policy.mode = mode
        }
        if let portsNode = fields["portLevelMtls"], let ports = anyMapping(portsNode) {
            if policy.selector?.isEmpty ?? true {
                warning(portsNode, "portLevelMtls applies only to a policy with a selector (as in Istio); ignored")
            }
            for (key, value) in ports.entries {
                guard let port = Int(key), (1...65535).contains(port) else {
                    error(value, "port '\(key)' must be 1...65535")
                    return nil
                }
                guard let mode = mtlsMode(value) else { return nil }
                policy.portLevel[port] = mode
            }
            if policy.selector?.isEmpty ?? true { policy.portLevel = [:] }
        }
        return policy
    }

    /// `{mode: STRICT|PERMISSIVE|DISABLE|UNSET}`: `.some(nil)` is UNSET, nil an error.
    private mutating func mtlsMode(_ node: PolicyNode) -> MutualTLSMode?? {
        guard let fields = mapping(node, FieldSet(["mode"])) else { return nil }
        guard let text = string(fields["mode"]) else { return .some(nil) }
        if text == "UNSET" { return .some(nil) }
        guard let mode = MutualTLSMode(rawValue: text) else {
            error(fields["mode"] ?? node, "unknown mTLS mode '\(text)' (STRICT, PERMISSIVE, DISABLE, UNSET)")
            return nil
        }
        return .some(mode)
    }
}
