/// One thing `bench proxy` sends load to (the upstream itself, the MeshScope proxy, nginx)
/// and what it measured there.
final class ProxyBenchTarget {
    let name: String
    let port: Int
    /// The process whose CPU is read; nil for the in-process upstream.
    let child: ProxyBenchChild?
    /// nginx's CPU is its workers' (children of the master).
    let countChildren: Bool
    var latency = ProxyBenchConnectionResult()
    var throughput = ProxyBenchConnectionResult()
    var throughputSeconds = 0.0
    /// CPU seconds of the target's process(es) and of this process (client + upstream)
    /// during the throughput phase.
    var targetCPU: Double?
    var benchCPU = 0.0

    init(name: String, port: Int, child: ProxyBenchChild?, countChildren: Bool = false) {
        self.name = name
        self.port = port
        self.child = child
        self.countChildren = countChildren
    }

    var summary: LatencySummary { LatencySummary(latency.latencies) }

    var requestsPerSecond: Double { Double(throughput.completed) / max(throughputSeconds, 1e-9) }

    /// CPU seconds per 1,000 requests.
    func perThousand(_ cpu: Double?) -> Double? {
        guard let cpu, throughput.completed > 0 else { return nil }
        return cpu / Double(throughput.completed) * 1000
    }
}
