/// Source and destination when the record does not name them (see `AccessLogParser`).
extension RecordFields {
    static func peers(source: AccessLogPeer, destination: AccessLogPeer, cluster: String?,
                      defaultService: String?) -> (AccessLogPeer, AccessLogPeer) {
        let local = defaultService.flatMap { $0.isEmpty ? nil : $0 }
        var derivedSource = AccessLogPeer()
        var derivedDestination = AccessLogPeer()
        if let cluster {
            let c = UpstreamCluster(cluster)
            switch c.direction {
            case .outbound:
                derivedSource.service = local
                derivedDestination.service = c.service
                derivedDestination.namespace = c.namespace
                derivedDestination.version = c.subset
            case .inbound:
                // The subset slot of an inbound cluster holds a port name, not a version.
                derivedDestination.service = c.service ?? local
                derivedDestination.namespace = c.namespace
            case .other:
                derivedSource.service = local
                if !c.isPassthrough { derivedDestination.service = cluster }
            }
        } else {
            derivedDestination.service = local
        }
        return (fill(source, from: derivedSource), fill(destination, from: derivedDestination))
    }

    /// A peer the record identifies is kept as it is; otherwise the derived identity fills
    /// the fields the record left empty.
    private static func fill(_ peer: AccessLogPeer, from derived: AccessLogPeer) -> AccessLogPeer {
        if peer.isIdentified { return peer }
        var out = peer
        out.service = derived.service
        out.namespace = peer.namespace ?? derived.namespace
        out.version = peer.version ?? derived.version
        return out
    }
}
