import MeshPolicy

/// A cluster's endpoints as `/clusters` shows them.
public struct ClusterSnapshot: Sendable, Hashable {
    public struct Endpoint: Sendable, Hashable {
        public var address: HostPort
        public var labels: [String: String]
        public var ejected: Bool
        public var ejections: Int
        public var activeRequests: Int
        public var connections: Int
    }

    public var name: String
    public var endpoints: [Endpoint]
    public var pendingRequests: Int
    public var overflows: [CircuitBreaker.Resource: Int]
}

extension UpstreamCluster {
    func snapshot() -> ClusterSnapshot {
        let (snapshot, readmitted) = state.withLock { state -> (ClusterSnapshot, [HostPort]) in
            let readmitted = Self.sweepIfDue(&state)
            let endpoints = target.endpoints.map { endpoint in
                ClusterSnapshot.Endpoint(
                    address: endpoint.address, labels: endpoint.labels,
                    ejected: state.outlier?.isEjected(endpoint.address) ?? false,
                    ejections: state.outlier?.ejectionCount(endpoint.address) ?? 0,
                    activeRequests: state.activeRequests[endpoint.address] ?? 0,
                    connections: state.connections.values.count { $0.endpoint == endpoint.address })
            }
            var overflows = state.pool.breaker.overflows
            overflows.merge(state.retries.overflows) { $0 + $1 }
            return (ClusterSnapshot(name: name, endpoints: endpoints, pendingRequests: state.pool.pendingCount,
                                    overflows: overflows), readmitted)
        }
        for host in readmitted { observer.upstreamEvent(.readmitted(cluster: name, host: host.description)) }
        return snapshot
    }
}
