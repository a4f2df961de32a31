import AsyncHTTPClient
import Foundation
import NIOCore

/// A `meshscope proxy` child started with extra flags (the mTLS ones), ports parsed as
/// `ProxyProcess` does.
final class FlaggedProxyProcess {
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

    static func start(config: String, arguments: [String], workDir: String, name: String) async throws -> FlaggedProxyProcess {
        let logPath = join(workDir, "proxy-\(name).log")
        let process = try MeshScopeCommand.spawn(["proxy", config, "--log-level", "notice"] + arguments,
                                                 stdout: join(workDir, "proxy-\(name).out"), stderr: logPath)
        do {
            let ports = try await eventually("proxy \(name) to log its ports", timeout: .seconds(60), every: .milliseconds(25),
                                             context: { tail(MeshScopeCommand.readText(logPath)) }) { () async throws -> [String: Int]? in
                if !process.isRunning { throw E2EFailure("proxy \(name) exited with \(process.terminationStatus)") }
                return ProxyProcess.parsePorts(MeshScopeCommand.readText(logPath))
            }
            return FlaggedProxyProcess(process: process, logPath: logPath, ports: ports)
        } catch {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw error
        }
    }

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

enum JSONPost {
    /// POSTs `body` as JSON with optional headers.
    static func send(_ url: String, _ body: [String: String], headers: [(String, String)] = []) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await HTTP.client.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return HTTPResult(status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) },
                          body: Array(bytes.readableBytesView))
    }
}
