import LoopbackPorts
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prometheus' own tools, when installed (`apt-get install -y prometheus`): an
/// independent parser for MeshScope's output and a real federating scraper.
enum ExternalTools {
    static let promtool = "/usr/bin/promtool"
    static let prometheus = "/usr/bin/prometheus"

    static var hasPromtool: Bool { FileManager.default.isExecutableFile(atPath: promtool) }
    static var hasPrometheus: Bool { FileManager.default.isExecutableFile(atPath: prometheus) }

    /// `promtool check metrics < body`. Exit 0 is clean, 3 means lint problems only
    /// (naming conventions, missing HELP), 1 means the exposition did not parse.
    static func checkMetrics(_ body: [UInt8], workDir: String) throws -> (status: Int32, output: String) {
        let input = join(workDir, "promtool-\(UUID().uuidString.prefix(8)).txt")
        try Data(body).write(to: URL(fileURLWithPath: input))
        defer { try? FileManager.default.removeItem(atPath: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "metrics"]
        process.standardInput = FileHandle(forReadingAtPath: input)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

}

/// A real Prometheus server on 127.0.0.1 with its TSDB in a temp directory.
/// Not Sendable: owned by the test task that started it.
final class PrometheusProcess {
    let process: Process
    let port: Int
    let logPath: String

    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(process: Process, port: Int, logPath: String) {
        self.process = process
        self.port = port
        self.logPath = logPath
    }

    /// `port` nil picks a free one; `extraArguments` adds flags (`--web.enable-remote-write-receiver`).
    static func start(config: String, workDir: String, port chosenPort: Int? = nil,
                      extraArguments: [String] = []) async throws -> PrometheusProcess {
        let configPath = join(workDir, "prometheus.yml")
        try write(config, to: configPath)
        let storage = join(workDir, "prometheus-data")
        let logPath = join(workDir, "prometheus.log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let port = try chosenPort ?? LoopbackPort.free()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExternalTools.prometheus)
        process.arguments = [
            "--config.file=\(configPath)", "--storage.tsdb.path=\(storage)",
            "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
        ] + extraArguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
        let prometheus = PrometheusProcess(process: process, port: port, logPath: logPath)
        do {
            _ = try await eventually("Prometheus to become ready", timeout: .seconds(30), context: prometheus.logTail) {
                guard process.isRunning else { throw E2EFailure("prometheus exited with \(process.terminationStatus)") }
                return try await HTTP.get(prometheus.baseURL + "/-/ready").status == 200 ? true : nil
            }
        } catch {
            prometheus.kill()
            throw error
        }
        return prometheus
    }

    func logTail() -> String { "prometheus log:\n" + tail(MeshScopeCommand.readText(logPath)) }

    /// The `data.result` of an instant query, as JSON objects.
    func query(_ promQL: String) async throws -> [[String: Any]] {
        let response = try await HTTP.get(baseURL + "/api/v1/query?query=" + HTTP.encode(promQL))
        guard response.status == 200,
              let json = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let data = json["data"] as? [String: Any], let result = data["result"] as? [[String: Any]]
        else { throw E2EFailure("query \(promQL) answered \(response.status): \(response.text)") }
        return result
    }

    /// SIGKILL and reap: nothing of Prometheus' state is needed after the test.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
