/// What the top of a document says, and what its spec decoded to.
struct DecodedDocument {
    var apiVersion: String?
    var namespace: String?
    var content: PolicyDocument.Content
}

extension DocumentReader {
    static let istioNetworkingVersions: Set<String> = ["v1alpha3", "v1beta1", "v1"]

    /// Reads `apiVersion`, `kind` and `metadata`, then the spec of the kinds MeshScope
    /// applies; every other kind is reported as not applied.
    mutating func document(_ root: PolicyNode) -> DecodedDocument {
        guard let top = anyMapping(root) else {
            return DecodedDocument(content: .invalid)
        }
        let apiVersion = string(top["apiVersion"])
        kind = string(top["kind"])
        var namespace: String?
        if let metadata = top["metadata"], let fields = anyMapping(metadata) {
            name = string(fields["name"])
            namespace = string(fields["namespace"])
        }
        var decoded = DecodedDocument(apiVersion: apiVersion, namespace: namespace, content: .invalid)
        guard let kind else {
            error(root, "document has no 'kind'")
            return decoded
        }
        let (group, version) = Self.split(apiVersion: apiVersion ?? "")
        switch (group, kind) {
        case ("networking.istio.io", "VirtualService"), ("networking.istio.io", "DestinationRule"):
            guard Self.istioNetworkingVersions.contains(version) else {
                error(top["apiVersion"] ?? root,
                      "unsupported apiVersion '\(apiVersion ?? "")' for \(kind) (use networking.istio.io/v1, v1beta1 or v1alpha3)")
                return decoded
            }
            guard requireName(root) else { return decoded }
            warnUnknownTopLevel(top)
            guard let spec = top["spec"] else {
                error(root, "\(kind) has no 'spec'")
                return decoded
            }
            if kind == "VirtualService" {
                decoded.content = virtualService(spec, name: name ?? "", namespace: namespace).map { .virtualService($0) } ?? .invalid
            } else {
                decoded.content = destinationRule(spec, name: name ?? "", namespace: namespace).map { .destinationRule($0) } ?? .invalid
            }
        case ("security.istio.io", "PeerAuthentication"):
            guard Self.securityVersions.contains(version) else {
                error(top["apiVersion"] ?? root,
                      "unsupported apiVersion '\(apiVersion ?? "")' for PeerAuthentication (use security.istio.io/v1 or v1beta1)")
                return decoded
            }
            guard requireName(root) else { return decoded }
            warnUnknownTopLevel(top)
            // An empty spec is allowed: every field is optional (UNSET mode).
            var policy: PeerAuthentication? = PeerAuthentication(name: name ?? "", namespace: namespace)
            if let spec = top["spec"] {
                policy = peerAuthentication(spec, name: name ?? "", namespace: namespace)
            }
            if let policy {
                decoded.content = .peerAuthentication(policy)
            }
        case ("meshscope", "ProxyConfig"):
            guard version == "v1" else {
                error(top["apiVersion"] ?? root, "unsupported apiVersion '\(apiVersion ?? "")' for ProxyConfig (use meshscope/v1)")
                return decoded
            }
            warnUnknownTopLevel(top)
            guard let spec = top["spec"] else {
                error(root, "ProxyConfig has no 'spec'")
                return decoded
            }
            decoded.content = proxyConfig(spec, metadataName: name, metadataNamespace: namespace).map { .proxyConfig($0) } ?? .invalid
        default:
            if apiVersion == nil {
                error(root, "document has no 'apiVersion'")
                return decoded
            }
            let what = apiVersion.map { "\(kind) (\($0))" } ?? kind
            warning(root, "kind \(what) is not applied by MeshScope; ignored")
            decoded.content = .notApplied
        }
        return decoded
    }

    /// `networking.istio.io/v1beta1` → (`networking.istio.io`, `v1beta1`); `v1` → (``, `v1`).
    static func split(apiVersion: String) -> (group: String, version: String) {
        guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }

    private mutating func requireName(_ root: PolicyNode) -> Bool {
        if name == nil || name?.isEmpty == true {
            error(root, "metadata.name is required")
            return false
        }
        return true
    }

    private mutating func warnUnknownTopLevel(_ top: PolicyMapping) {
        for (key, value) in top.entries where !["apiVersion", "kind", "metadata", "spec", "status"].contains(key) {
            warning(value, "unknown field '\(key)'; ignored")
        }
    }
}
