import Foundation

/// `meshscope serve` with TLS on: `ServeProcess` probes `/-/ready` over plain HTTP, so
/// this one reads both ports from the log and probes with `curl` and the test CA.
final class TLSServe {
    let process: Process
    let logPath: String
    let port: Int
    let zipkinPort: Int

    private init(process: Process, logPath: String, port: Int, zipkinPort: Int) {
        self.process = process
        self.logPath = logPath
        self.port = port
        self.zipkinPort = zipkinPort
    }

    var logs: String { MeshScopeCommand.readText(logPath) }
    func logTail() -> String { "serve log (\(logPath)):\n" + tail(logs) }

    /// `host` is what both listeners bind (`0.0.0.0` lets tests connect from other loopback addresses).
    static func start(config: String, workDir: String, host: String = "127.0.0.1") async throws -> TLSServe {
        let logPath = join(workDir, "serve-tls.log")
        let process = try MeshScopeCommand.spawn(
            ["serve", "--data-dir", join(workDir, "data"), "--listen", "\(host):0", "--zipkin-listen", "\(host):0",
             "--config", config], stdout: join(workDir, "serve-tls.out"), stderr: logPath)
        do {
            let ports = try await eventually("serve to log both listeners", timeout: .seconds(60), every: .milliseconds(50),
                                             context: { tail(MeshScopeCommand.readText(logPath)) }) { () throws -> (Int, Int)? in
                if !process.isRunning { throw E2EFailure("serve exited early with status \(process.terminationStatus)") }
                let log = MeshScopeCommand.readText(logPath)
                guard let http = port(in: log, listener: "http", host: host),
                      let zipkin = port(in: log, listener: "zipkin", host: host) else { return nil }
                return (http, zipkin)
            }
            return TLSServe(process: process, logPath: logPath, port: ports.0, zipkinPort: ports.1)
        } catch {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw error
        }
    }

    static func port(in log: String, listener: String, host: String) -> Int? {
        for line in log.split(separator: "\n") where line.contains("listener=\(listener)") {
            guard let range = line.range(of: "address=\(host):") else { continue }
            if let port = Int(line[range.upperBound...].prefix { $0.isNumber }), port > 0 { return port }
        }
        return nil
    }

    /// `curl` over HTTPS trusting `ca`; status code and body (status 0: no HTTP answer,
    /// e.g. a refused handshake).
    func curl(_ path: String, port: Int? = nil, ca: String, extra: [String] = [], workDir: String) throws -> (status: Int, body: String) {
        let args = (["curl", "-sS", "--max-time", "15", "--cacert", ca, "-o", "curl-body.txt", "-w", "%{http_code}"] + extra
            + ["https://localhost:\(port ?? self.port)\(path)"]).map { "'\($0)'" }.joined(separator: " ")
        try? FileManager.default.removeItem(atPath: join(workDir, "curl-body.txt"))
        let result = try TestCertificates.shell(args + " --resolve localhost:\(port ?? self.port):127.0.0.1", workDir: workDir)
        let status = Int(result.output.suffix(3)) ?? 0
        return (status, MeshScopeCommand.readText(join(workDir, "curl-body.txt")))
    }

    func stop() async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        if !(await MeshScopeCommand.waitForExit(process, timeout: .seconds(20))) { terminateIfRunning() }
    }

    func terminateIfRunning() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
