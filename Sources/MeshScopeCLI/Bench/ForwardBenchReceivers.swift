import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The receivers of `bench forward`: Debian's Prometheus with the remote-write receiver,
/// and a MeshScope taking Zipkin spans; stopped and restarted on the same ports and data.
final class ForwardBenchReceivers {
    private let directory: String
    private let prometheusBinary: String
    private let prometheusPort = ChildServer.freePort()
    private let meshScopePort = ChildServer.freePort()
    private var servers: [ChildServer] = []

    var remoteWriteURL: String { "http://127.0.0.1:\(prometheusPort)/api/v1/write" }
    var zipkinURL: String { "http://127.0.0.1:\(meshScopePort)/api/v2/spans" }

    private init(directory: String, prometheus: String) {
        self.directory = directory
        prometheusBinary = prometheus
    }

    static func start(directory: String, prometheus: String) async throws -> ForwardBenchReceivers {
        let receivers = ForwardBenchReceivers(directory: directory, prometheus: prometheus)
        try receivers.writePrometheusConfig()
        try await receivers.restart()
        return receivers
    }

    func restart() async throws {
        let path = { (name: String) in (self.directory as NSString).appendingPathComponent(name) }
        servers.append(try await ChildServer.start(
            name: "prometheus", executable: prometheusBinary,
            arguments: ["--config.file=\(path("prometheus.yml"))", "--storage.tsdb.path=\(path("prometheus-data"))",
                        "--web.listen-address=127.0.0.1:\(prometheusPort)", "--web.enable-remote-write-receiver",
                        "--log.level=warn"],
            port: prometheusPort, readyPath: "/-/ready", logPath: path("prometheus.log")))
        servers.append(try await ChildServer.start(
            name: "meshscope receiver", executable: PrometheusComparison.ownExecutable,
            arguments: ["serve", "--data-dir", path("receiver"), "--listen", "127.0.0.1:\(meshScopePort)",
                        "--zipkin-listen", "off", "--log-level", "warning"],
            port: meshScopePort, readyPath: "/-/ready", logPath: path("receiver.log")))
    }

    func stopAll() {
        for server in servers { server.stop() }
        servers = []
    }

    func stop() { stopAll() }

    private func writePrometheusConfig() throws {
        try "global:\n  scrape_interval: 1m\n".write(
            toFile: (directory as NSString).appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
    }

    /// Every raw sample Prometheus holds for the bench's job.
    func samplesInPrometheus() async throws -> Int {
        let query = "sum(count_over_time({job=\"bench\"}[1d]))"
        let json = try await getJSON("http://127.0.0.1:\(prometheusPort)/api/v1/query?query="
            + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        let result = ((json["data"] as? [String: Any])?["result"] as? [[String: Any]])?.first
        return Int(((result?["value"] as? [Any])?.last as? String) ?? "0") ?? 0
    }

    /// `meshscope_storage_spans` of the receiving MeshScope.
    func spansInMeshScope() async throws -> Int {
        let text = try await get("http://127.0.0.1:\(meshScopePort)/metrics")
        for line in text.split(separator: "\n") where line.hasPrefix("meshscope_storage_spans{") {
            return Int(Double(line.split(separator: " ").last ?? "0") ?? 0)
        }
        return 0
    }

    private func getJSON(_ url: String) async throws -> [String: Any] {
        let text = try await get(url)
        return (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    private func get(_ url: String) async throws -> String {
        guard let url = URL(string: url) else { throw CommandFailure("bad URL \(url)") }
        let (data, _) = try await URLSession.shared.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }
}
