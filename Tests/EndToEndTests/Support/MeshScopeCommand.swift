import Foundation

/// Finds the `meshscope` executable and runs one-shot commands (`import`, `version`,
/// `serve` with bad flags) to completion.
enum MeshScopeCommand {
    /// `MESHSCOPE_BIN` when set; else the `meshscope` that SwiftPM builds next to the
    /// test bundle (searched upwards from the test executable, then from the bundle).
    static let binary: String = {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["MESHSCOPE_BIN"], !override.isEmpty {
            return override
        }
        let starts = [CommandLine.arguments.first ?? "", Bundle.main.bundlePath, Bundle.main.executablePath ?? ""]
        for start in starts where !start.isEmpty {
            var directory = URL(fileURLWithPath: start).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<6 {
                let candidate = directory.appendingPathComponent("meshscope").path
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fileManager.isExecutableFile(atPath: candidate) {
                    return candidate
                }
                directory.deleteLastPathComponent()
            }
        }
        return "meshscope-not-found (build it with `swift build --build-tests`, or set MESHSCOPE_BIN)"
    }()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String

        var stderrLines: [Substring] {
            stderr.split(separator: "\n", omittingEmptySubsequences: true)
        }
    }

    /// Runs `meshscope ARGS` with stdout and stderr captured in files of `directory`;
    /// kills it if it has not exited within `timeout`.
    static func run(_ arguments: [String], in directory: String, timeout: Duration = .seconds(60),
                    environment: [String: String?] = [:]) async throws -> Outcome {
        let name = "cmd-\(UUID().uuidString.prefix(8))"
        let outPath = join(directory, "\(name).out"), errPath = join(directory, "\(name).err")
        let process = try spawn(arguments, stdout: outPath, stderr: errPath, environment: environment)
        let exited = await waitForExit(process, timeout: timeout)
        if !exited {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let outcome = Outcome(status: process.terminationStatus, stdout: readText(outPath), stderr: readText(errPath))
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        guard exited else {
            throw E2EFailure("meshscope \(arguments.joined(separator: " ")) did not exit within \(timeout)\n\(outcome.stderr)")
        }
        return outcome
    }

    /// Starts `meshscope ARGS` with stdout and stderr appended to the given files.
    /// `environment` changes the child's copy of ours (nil removes a variable); ours is
    /// never modified, as setenv races with other tests' threads.
    static func spawn(_ arguments: [String], stdout: String, stderr: String,
                      environment changes: [String: String?] = [:]) throws -> Process {
        for path in [stdout, stderr] where !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        var environment = ProcessInfo.processInfo.environment
        environment["LOG_LEVEL"] = nil
        for (name, value) in changes { environment[name] = value }
        process.environment = environment
        do {
            try process.run()
        } catch {
            throw E2EFailure("cannot start \(binary): \(error)")
        }
        return process
    }

    /// Polls until the process has exited; false when `timeout` passed first.
    static func waitForExit(_ process: Process, timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning {
            if clock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()  // reaps; returns at once
        return true
    }

    static func readText(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
