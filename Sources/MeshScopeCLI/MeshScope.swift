import ArgumentParser
import Foundation

/// `meshscope`: argument parsing only; the work lives in the modules.
@main
struct MeshScope: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "meshscope",
        abstract: "Observability backend for service meshes: metrics, traces and access logs on SQLite.",
        version: version,
        subcommands: [ServeCommand.self, ProxyCommand.self, DemoCommand.self, DemoServiceCommand.self, ImportCommand.self, BenchCommand.self, VersionCommand.self])

    /// Usage errors print one line and exit 2 (ArgumentParser's default is the full
    /// usage text and 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data("meshscope: \(message(for: error))\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() {
        print("meshscope \(MeshScope.version)")
    }
}
