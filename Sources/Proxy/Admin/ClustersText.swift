import Foundation

/// `/clusters` in Envoy's text shape (`cluster::host::stat::value`) or as JSON.
enum ClustersText {
    static func render(_ clusters: [ClusterSnapshot]) -> String {
        var lines: [String] = []
        for cluster in clusters {
            for (resource, count) in cluster.overflows.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                lines.append("\(cluster.name)::overflow::\(resource.rawValue)::\(count)")
            }
            lines.append("\(cluster.name)::rq_pending::\(cluster.pendingRequests)")
            for endpoint in cluster.endpoints {
                let prefix = "\(cluster.name)::\(endpoint.address)"
                lines.append("\(prefix)::cx_active::\(endpoint.connections)")
                lines.append("\(prefix)::rq_active::\(endpoint.activeRequests)")
                lines.append("\(prefix)::health_flags::\(endpoint.ejected ? "/failed_outlier_check" : "healthy")")
                lines.append("\(prefix)::outlier_ejections::\(endpoint.ejections)")
                for (name, value) in endpoint.labels.sorted(by: { $0.key < $1.key }) {
                    lines.append("\(prefix)::label::\(name)=\(value)")
                }
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func json(_ clusters: [ClusterSnapshot]) -> String {
        let document: [[String: Any]] = clusters.map { cluster in
            [
                "name": cluster.name,
                "pendingRequests": cluster.pendingRequests,
                "overflows": Dictionary(uniqueKeysWithValues: cluster.overflows.map { ($0.key.rawValue, $0.value) }),
                "endpoints": cluster.endpoints.map { endpoint in
                    [
                        "address": endpoint.address.description, "labels": endpoint.labels,
                        "health": endpoint.ejected ? "ejected" : "healthy", "ejections": endpoint.ejections,
                        "activeRequests": endpoint.activeRequests, "connections": endpoint.connections,
                    ] as [String: Any]
                },
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["clusters": document], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
