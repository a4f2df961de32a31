import Foundation

/// What the demo prints once everything runs: where to look, and every process's ports.
enum DemoPortTable {
    static func text(topology: DemoTopology, collectorURL: String, dataDir: String) -> String {
        let gateway = topology.gateway
        var rows = [["workload", "namespace", "app", "inbound", "outbound", "admin", "tcp"]]
        for workload in topology.workloads.reversed() {
            func port(_ value: Int) -> String { value == 0 ? "-" : "\(value)" }
            rows.append([workload.name, workload.namespace, port(workload.appPort), port(workload.inboundPort),
                         port(workload.outboundPort), port(workload.adminPort), port(workload.tcpPort)])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let table = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1 + 2, withPad: " ", startingAt: 0) }.joined()
                .trimmingCharacters(in: .whitespaces)
        }
        return """

            MeshScope is collecting the mesh's metrics, traces and access logs.
              Open:          \(collectorURL)
              Product page:  http://127.0.0.1:\(gateway.outboundPort)/productpage  (through the ingress gateway)
              Try:           curl -s \(collectorURL)/api/v1/query --data-urlencode 'query=sum by (source_workload, destination_service_name, response_code, response_flags) (istio_requests_total{reporter="source"})'
                             curl -s '\(collectorURL)/api/v2/dependencies?endTs='$(date +%s000)
                             curl -s \(collectorURL)/api/v1/logs/stats

            \(table.map { "  " + $0 }.joined(separator: "\n"))
              collector  http \(collectorURL)   data \(dataDir)   logs \(dataDir)/logs/*.log

            Press Ctrl-C to stop.

            """
    }
}
