import LoopbackPorts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A server process started for a benchmark (MeshScope or Prometheus) on 127.0.0.1,
/// stopped with SIGTERM (then SIGKILL) when done.
final class ChildServer {
    let name: String
    let baseURL: String
    private let process: Process
    private let logPath: String

    private init(name: String, baseURL: String, process: Process, logPath: String) {
        self.name = name
        self.baseURL = baseURL
        self.process = process
        self.logPath = logPath
    }

    /// Starts `executable` and waits until `readyPath` answers 200 (bounded).
    static func start(name: String, executable: String, arguments: [String], port: Int, readyPath: String,
                      logPath: String, timeout: Duration = .seconds(60)) async throws -> ChildServer {
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let server = ChildServer(name: name, baseURL: "http://127.0.0.1:\(port)", process: process, logPath: logPath)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw CommandFailure("\(name) exited during start-up; see \(logPath)")
            }
            if await server.isReady(readyPath) { return server }
            try await Task.sleep(for: .milliseconds(200))
        }
        server.stop()
        throw CommandFailure("\(name) was not ready within \(timeout); see \(logPath)")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private func isReady(_ path: String) async -> Bool {
        guard let url = URL(string: baseURL + path) else { return false }
        return await withCheckedContinuation { continuation in
            let task = URLSession.shared.dataTask(with: url) { _, response, _ in
                continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode == 200)
            }
            task.resume()
        }
    }

    /// A free TCP port on 127.0.0.1 (bound, read, released). Only a machine that cannot open
    /// a socket on loopback fails here, and then nothing the benches and the demo start could run.
    static func freePort() -> Int {
        do { return try LoopbackPort.free() } catch { fatalError("\(error)") }
    }
}
