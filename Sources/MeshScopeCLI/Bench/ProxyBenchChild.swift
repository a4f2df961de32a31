import Foundation

/// A process `bench proxy` measures (the MeshScope proxy or nginx's master): started with
/// its output in a log file, ready once a request through it answers 200, its CPU time
/// read from /proc, stopped with SIGTERM (then SIGKILL).
final class ProxyBenchChild {
    let name: String
    let logPath: String
    private let process: Process

    var pid: Int32 { process.processIdentifier }

    init(name: String, executable: String, arguments: [String], logPath: String) throws {
        self.name = name
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// Retries `probe` every 200 ms until it returns true, for at most `timeout`.
    func waitReady(timeout: Duration = .seconds(60), probe: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw CommandFailure("\(name) exited during start-up; see \(logPath)") }
            if await probe() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw CommandFailure("\(name) was not ready within \(timeout); see \(logPath)")
    }

    /// User plus system CPU seconds of the process and, for nginx, its workers (the
    /// processes whose parent it is).
    func cpuSeconds(includingChildren: Bool) -> Double {
        var ticks = Self.stat(pid).map { $0.utime + $0.stime } ?? 0
        if includingChildren, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") {
            for entry in entries {
                guard let child = Int32(entry), let stat = Self.stat(child), stat.ppid == pid else { continue }
                ticks += stat.utime + stat.stime
            }
        }
        return Double(ticks) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Fields of /proc/PID/stat: after the ")" that ends the command name come state (3),
    /// ppid (4), ... utime (14) and stime (15).
    static func stat(_ pid: Int32) -> (ppid: Int32, utime: Int, stime: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let ppid = Int32(fields[1]), let utime = Int(fields[11]), let stime = Int(fields[12]) else {
            return nil
        }
        return (ppid, utime, stime)
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
