import Foundation

/// A `meshscope serve` child process on 127.0.0.1 with a free port. Its stderr goes to
/// a log file in the test's directory; the port is read from the `listener=http` log
/// line, and `start` returns once `/-/ready` answers 200. The Zipkin listener gets a free
/// port too (`--zipkin-listen 127.0.0.1:0`, read from `listener=zipkin`), never 9411, so
/// several serves can run at once; pass `--zipkin-listen` in `extraArguments` to override.
///
/// Not Sendable: each instance belongs to the one test task that started it.
final class ServeProcess {
    let dataDir: String
    let logPath: String
    let process: Process
    let port: Int
    /// The Zipkin listener's port; nil when it is off.
    private(set) var zipkinPort: Int?

    var pid: Int32 { process.processIdentifier }
    var baseURL: String { "http://127.0.0.1:\(port)" }
    var isRunning: Bool { process.isRunning }

    private init(dataDir: String, logPath: String, process: Process, port: Int) {
        self.dataDir = dataDir
        self.logPath = logPath
        self.process = process
        self.port = port
    }

    /// Starts serve on `dataDir`; the log file is `<workDir>/serve-N.log` (N counts the
    /// starts in that directory, so restarts keep the earlier logs).
    static func start(dataDir: String, config: String?, workDir: String, extraArguments: [String] = [],
                      timeout: Duration = .seconds(30), environment: [String: String?] = [:]) async throws -> ServeProcess {
        var arguments = ["serve", "--data-dir", dataDir, "--listen", "127.0.0.1:0"]
        if let config { arguments += ["--config", config] }
        if !extraArguments.contains("--zipkin-listen") { arguments += ["--zipkin-listen", "127.0.0.1:0"] }
        arguments += extraArguments
        var index = 1
        while FileManager.default.fileExists(atPath: join(workDir, "serve-\(index).log")) { index += 1 }
        let logPath = join(workDir, "serve-\(index).log")
        let process = try MeshScopeCommand.spawn(arguments, stdout: join(workDir, "serve-\(index).out"), stderr: logPath,
                                                 environment: environment)
        let port: Int
        do {
            port = try await eventually("serve to log its listening address", timeout: timeout, every: .milliseconds(25),
                                        context: { "serve log:\n" + tail(MeshScopeCommand.readText(logPath)) }) {
                () async throws -> Int? in
                if !process.isRunning {
                    throw E2EFailure("serve exited early with status \(process.terminationStatus)")
                }
                return listeningPort(in: MeshScopeCommand.readText(logPath), listener: "http")
            }
        } catch {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw error
        }
        let serve = ServeProcess(dataDir: dataDir, logPath: logPath, process: process, port: port)
        do {
            _ = try await eventually("/-/ready to answer 200", timeout: timeout, context: serve.logTail) {
                try await HTTP.get(serve.baseURL + "/-/ready").status == 200 ? true : nil
            }
            let zipkinOff = zip(arguments, arguments.dropFirst()).contains { $0 == "--zipkin-listen" && $1 == "off" }
            if !zipkinOff {
                serve.zipkinPort = try await eventually("serve to log its Zipkin listener", timeout: timeout,
                                                        every: .milliseconds(25), context: serve.logTail) {
                    listeningPort(in: serve.logs, listener: "zipkin")
                }
            }
        } catch {
            serve.terminateIfRunning()
            throw error
        }
        return serve
    }

    /// The port of a listener's line: `... address=127.0.0.1:PORT ... listener=http ...`.
    static func listeningPort(in log: String, listener: String) -> Int? {
        for line in log.split(separator: "\n") where line.contains("listener=\(listener)") {
            guard let range = line.range(of: "address=127.0.0.1:") else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            if let port = Int(digits), port > 0 { return port }
        }
        return nil
    }

    var logs: String { MeshScopeCommand.readText(logPath) }

    func logTail() -> String { "serve log (\(logPath)):\n" + tail(logs) }

    func signal(_ number: Int32) {
        kill(pid, number)
    }

    /// SIGTERM, then waits for a graceful exit; returns the exit status. If it has not
    /// exited within `timeout` it is killed and the test fails.
    @discardableResult
    func stop(timeout: Duration = .seconds(20)) async throws -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(pid, SIGTERM)
        if await MeshScopeCommand.waitForExit(process, timeout: timeout) {
            return process.terminationStatus
        }
        terminateIfRunning()
        throw E2EFailure("serve did not exit within \(timeout) of SIGTERM\n\(logTail())")
    }

    /// SIGKILL (a crash as far as serve can tell) and reaps the process.
    func crash() async {
        guard process.isRunning else { return }
        kill(pid, SIGKILL)
        _ = await MeshScopeCommand.waitForExit(process, timeout: .seconds(10))
    }

    /// For `defer`: kills the process if a test left it running (it failed midway).
    func terminateIfRunning() {
        guard process.isRunning else { return }
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }
}
