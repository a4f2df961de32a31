import Foundation

/// Runs a Python test script against a running server: output (stdout and stderr) to a
/// file, killed past `timeout`. The caller asserts on what it returns.
enum PythonScript {
    struct Outcome {
        var exited: Bool
        var status: Int32
        var text: String
    }

    static func run(python: String, script: String, environment extra: [String: String], outputPath: String,
                    timeout: Duration) async throws -> Outcome {
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script]
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        try process.run()
        let exited = await MeshScopeCommand.waitForExit(process, timeout: timeout)
        if !exited {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return Outcome(exited: exited, status: process.terminationStatus, text: MeshScopeCommand.readText(outputPath))
    }
}
