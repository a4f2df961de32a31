import MeshPolicy
import NIOCore
import Synchronization

/// The clusters in use, by Envoy cluster name. A reload that changes a cluster's
/// endpoints or policy replaces it; requests already holding the old one finish on it.
final class ClusterManager: Sendable {
    private let clusters = Mutex<[String: UpstreamCluster]>([:])
    private let group: any EventLoopGroup
    private let observer: any ProxyObserver
    private let meshTLS: MeshTLS?

    init(group: any EventLoopGroup, observer: any ProxyObserver, meshTLS: MeshTLS? = nil) {
        self.group = group
        self.observer = observer
        self.meshTLS = meshTLS
    }

    /// The cluster for a target as config `generation` resolved it.
    func cluster(named name: String, for target: UpstreamTarget, generation: Int) -> UpstreamCluster {
        let (cluster, retired) = clusters.withLock { clusters -> (UpstreamCluster, UpstreamCluster?) in
            if let existing = clusters[name] {
                let same = existing.target.endpoints == target.endpoints
                    && existing.target.trafficPolicy == target.trafficPolicy
                // A request routed by an older config keeps using what is there.
                if same || existing.generation > generation { return (existing, nil) }
            }
            let created = UpstreamCluster(name: name, target: target, generation: generation, group: group,
                                          observer: observer, meshTLS: meshTLS)
            let old = clusters.updateValue(created, forKey: name)
            return (created, old)
        }
        retired?.retire()
        return cluster
    }

    func snapshots() -> [ClusterSnapshot] {
        let all = clusters.withLock { Array($0.values) }
        return all.map { $0.snapshot() }.sorted { $0.name < $1.name }
    }

    func closeAll() {
        let all = clusters.withLock { clusters in
            defer { clusters = [:] }
            return Array(clusters.values)
        }
        for cluster in all { cluster.closeAll() }
    }
}
