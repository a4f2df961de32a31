import ProxyTelemetry

/// `x-meshscope-peer`: the calling workload's identity, added by its sidecar to every
/// request it sends, so the called sidecar can fill Istio's `source_*` labels (Istio
/// exchanges the same facts in `x-envoy-peer-metadata`). Fields are joined by `;`:
/// workload, namespace, app, version, principal, cluster.
enum PeerHeader {
    static let name = "x-meshscope-peer"

    static func encode(_ peer: PeerIdentity) -> String {
        [peer.workload, peer.namespace, peer.app, peer.version, peer.principal, peer.cluster]
            .map { $0.replacingOccurrences(of: ";", with: "_") }
            .joined(separator: ";")
    }

    /// Nil unless all six fields are present; a caller's header is advisory, so a
    /// malformed one is ignored rather than refused.
    static func decode(_ value: String?) -> PeerIdentity? {
        guard let value else { return nil }
        let fields = value.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6, fields.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 253 }) else { return nil }
        return PeerIdentity(workload: fields[0], namespace: fields[1], app: fields[2], version: fields[3],
                            principal: fields[4], cluster: fields[5])
    }
}
