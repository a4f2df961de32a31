import Foundation

/// A `meshscope demo` child run to completion. The demo starts its own children in
/// their own process groups and stops them on SIGTERM, so a run that overstays gets
/// SIGTERM first (SIGKILL would orphan the mesh), SIGKILL only if that fails too.
struct DemoRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var logsDirectory: String

    static func run(_ arguments: [String], dataDir: String, workDir: String, timeout: Duration) async throws -> DemoRun {
        let outPath = join(workDir, "demo.out"), errPath = join(workDir, "demo.err")
        let process = try MeshScopeCommand.spawn(["demo", "--data-dir", dataDir] + arguments, stdout: outPath, stderr: errPath)
        var exited = await MeshScopeCommand.waitForExit(process, timeout: timeout)
        if !exited {
            kill(process.processIdentifier, SIGTERM)
            exited = await MeshScopeCommand.waitForExit(process, timeout: .seconds(45))
            if !exited {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        let run = DemoRun(status: process.terminationStatus, stdout: MeshScopeCommand.readText(outPath),
                          stderr: MeshScopeCommand.readText(errPath), logsDirectory: join(dataDir, "logs"))
        guard exited else {
            throw E2EFailure("meshscope demo did not stop within \(timeout)\n\(run.context)")
        }
        return run
    }

    /// Output and the end of every child's log, for failure messages.
    var context: String {
        var text = "demo stdout:\n\(tail(stdout, lines: 60))\ndemo stderr:\n\(tail(stderr))"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: logsDirectory)) ?? []
        for name in names.sorted() {
            text += "\n--- \(name):\n" + tail(MeshScopeCommand.readText(join(logsDirectory, name)), lines: 8)
        }
        return text
    }
}
