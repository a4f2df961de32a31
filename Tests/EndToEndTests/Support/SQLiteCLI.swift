import Foundation

/// The `sqlite3` command-line shell, for checks on a data directory whose serve has
/// stopped or been killed (opening a file recovers its WAL, as a restart would).
enum SQLiteCLI {
    static let path: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(directory)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs one statement on `file`; returns its output, failing on a non-zero exit.
    static func query(_ file: String, _ sql: String) throws -> String {
        guard let path else { throw E2EFailure("sqlite3 is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [file, sql]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw E2EFailure("sqlite3 \(file): \(errorText)") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `PRAGMA integrity_check` of metrics.db, traces.db and logs.db in `dataDir`, by name.
    static func integrity(_ dataDir: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in ["metrics.db", "traces.db", "logs.db"] {
            result[name] = try query(join(dataDir, name), "PRAGMA integrity_check")
        }
        return result
    }
}
