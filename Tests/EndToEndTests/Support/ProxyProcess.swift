import Foundation

/// A `meshscope proxy` child on a YAML file, with the ports it logged once listening.
final class ProxyProcess {
    let process: Process
    let logPath: String
    let ports: [String: Int]

    var admin: Int { ports["admin"] ?? 0 }
    var inbound: Int { ports["inbound"] ?? 0 }
    var outbound: Int { ports["outbound"] ?? 0 }

    private init(process: Process, logPath: String, ports: [String: Int]) {
        self.process = process
        self.logPath = logPath
        self.ports = ports
    }

    /// `timeout` covers start-up; a proxy with `--ca-url` waits for its first certificate.
    static func start(config: String, workDir: String, name: String, extraArguments: [String] = [],
                      timeout: Duration = .seconds(30)) async throws -> ProxyProcess {
        let logPath = join(workDir, "proxy-\(name).log")
        let process = try MeshScopeCommand.spawn(["proxy", config, "--log-level", "notice"] + extraArguments,
                                                 stdout: join(workDir, "proxy-\(name).out"), stderr: logPath)
        do {
            let ports = try await eventually("proxy \(name) to log its ports", timeout: timeout, every: .milliseconds(25),
                                             context: { tail(MeshScopeCommand.readText(logPath)) }) { () async throws -> [String: Int]? in
                if !process.isRunning { throw E2EFailure("proxy \(name) exited with \(process.terminationStatus)") }
                return parsePorts(MeshScopeCommand.readText(logPath))
            }
            return ProxyProcess(process: process, logPath: logPath, ports: ports)
        } catch {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw error
        }
    }

    /// `... proxy listening ... admin=N inbound=N outbound=N ...` (`-` for a listener not configured).
    static func parsePorts(_ log: String) -> [String: Int]? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("proxy listening") && $0.contains("workload=") }) else {
            return nil
        }
        var ports: [String: Int] = [:]
        for field in line.split(separator: " ") {
            let parts = field.split(separator: "=", maxSplits: 1)
            if parts.count == 2, ["admin", "inbound", "outbound"].contains(String(parts[0])), let port = Int(parts[1]) {
                ports[String(parts[0])] = port
            }
        }
        return ports
    }

    /// SIGTERM, then waits for the drain to finish; returns the exit status.
    func stop() async throws -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        _ = try await eventually("proxy to exit", timeout: .seconds(20)) { process.isRunning ? nil : true }
        return process.terminationStatus
    }

    func terminateIfRunning() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
