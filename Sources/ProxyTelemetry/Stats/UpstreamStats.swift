import Synchronization

/// Envoy-style upstream stats per cluster (`outbound|9080|v1|reviews.default.svc.cluster.local`),
/// fed by the data path as requests and connections come and go. Every method is
/// synchronous and takes one short lock, for calling from event loops.
public final class UpstreamStats: Sendable {
    let clusters = Mutex([String: ClusterStats]())

    public init() {}

    /// A request was sent to the cluster (counted once, however many attempts it takes).
    public func requestStarted(cluster: String) {
        update(cluster) { $0.upstreamRqTotal += 1; $0.upstreamRqActive += 1 }
    }

    /// The request finished with `code` (0 when no response came: reset, timeout).
    public func requestFinished(cluster: String, code: Int) {
        update(cluster) { s in
            s.upstreamRqActive = max(0, s.upstreamRqActive - 1)
            s.upstreamRqCompleted += 1
            if code > 0 { s.upstreamRqByCode[code, default: 0] += 1 }
        }
    }

    /// One retry attempt was sent.
    public func retry(cluster: String) {
        update(cluster) { $0.upstreamRqRetry += 1 }
    }

    /// A request (or a try) hit its timeout.
    public func timeout(cluster: String) {
        update(cluster) { $0.upstreamRqTimeout += 1 }
    }

    /// A circuit breaker refused a request, connection or retry.
    public func overflow(cluster: String, kind: UpstreamOverflow = .pendingRequests) {
        update(cluster) { s in
            switch kind {
            case .pendingRequests: s.upstreamRqPendingOverflow += 1
            case .connections: s.upstreamCxOverflow += 1
            case .retries: s.upstreamRqRetryOverflow += 1
            }
        }
    }

    public func connectionOpened(cluster: String) {
        update(cluster) { $0.upstreamCxTotal += 1; $0.upstreamCxActive += 1 }
    }

    public func connectionClosed(cluster: String) {
        update(cluster) { $0.upstreamCxActive = max(0, $0.upstreamCxActive - 1); $0.upstreamCxDestroy += 1 }
    }

    /// Outlier detection ejected an endpoint; `active` endpoints are ejected now.
    public func ejected(cluster: String, active: Int) {
        update(cluster) { $0.outlierEjectionsTotal += 1; $0.outlierEjectionsActive = Int64(max(0, active)) }
    }

    /// An ejected endpoint was re-admitted; `active` endpoints remain ejected.
    public func readmitted(cluster: String, active: Int) {
        update(cluster) { $0.outlierEjectionsActive = Int64(max(0, active)) }
    }

    /// A copy of one cluster's stats (zeros for a cluster never seen).
    public func stats(cluster: String) -> ClusterStats {
        clusters.withLock { $0[cluster] } ?? ClusterStats()
    }

    /// A copy of every cluster's stats.
    public var snapshot: [String: ClusterStats] { clusters.withLock { $0 } }

    private func update(_ cluster: String, _ body: (inout ClusterStats) -> Void) {
        clusters.withLock { body(&$0[cluster, default: ClusterStats()]) }
    }
}
