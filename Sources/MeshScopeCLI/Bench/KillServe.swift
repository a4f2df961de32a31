import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One `meshscope serve` of `bench kill`: started on a fixed data directory with a free
/// port, ready once `/-/ready` answers, ended only by SIGKILL.
final class KillServe {
    let baseURL: String
    private let process: Process

    private init(baseURL: String, process: Process) {
        self.baseURL = baseURL
        self.process = process
    }

    static func start(dataDir: String, config: String, workDir: String, round: Int) async throws -> KillServe {
        let port = ChildServer.freePort()
        let logPath = (workDir as NSString).appendingPathComponent("serve-\(round).log")
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DemoCommand.executablePath)
        process.arguments = ["serve", "--data-dir", dataDir, "--listen", "127.0.0.1:\(port)", "--zipkin-listen", "off",
                             "--config", config, "--log-level", "notice"]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let serve = KillServe(baseURL: "http://127.0.0.1:\(port)", process: process)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw CommandFailure("serve exited during start-up (round \(round)); see \(logPath)")
            }
            if KillFixtureTarget.accepts(port: port), await ready(serve.baseURL) { return serve }
            try await Task.sleep(for: .milliseconds(50))
        }
        serve.kill()
        throw CommandFailure("serve was not ready within 60s (round \(round)); see \(logPath)")
    }

    /// SIGKILL and reap.
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private static func ready(_ baseURL: String) async -> Bool {
        guard let url = URL(string: baseURL + "/-/ready") else { return false }
        return await withCheckedContinuation { continuation in
            URLSession.shared.dataTask(with: url) { _, response, _ in
                continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode == 200)
            }.resume()
        }
    }
}
