import Foundation

/// Runs Prometheus' own backfill on the same file, for side-by-side figures.
enum PromtoolRun {
    static func locate(_ tool: String = "promtool") -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return paths.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func createBlocks(promtool: String, file: String, output: String) throws
        -> (seconds: Double, bytes: Int64, chunkBytes: Int64, indexBytes: Int64) {
        try? FileManager.default.removeItem(atPath: output)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["tsdb", "create-blocks-from", "openmetrics", file, output]
        process.standardOutput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        guard process.terminationStatus == 0 else {
            throw CommandFailure("promtool exited with status \(process.terminationStatus)")
        }
        return (seconds, directoryBytes(output), directoryBytes(output) { $0.contains("/chunks/") },
                directoryBytes(output) { $0.hasSuffix("/index") })
    }

    static func directoryBytes(_ path: String, where include: (String) -> Bool = { _ in true }) -> Int64 {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total: Int64 = 0
        for case let item as String in walker {
            let full = (path as NSString).appendingPathComponent(item)
            guard include(full) else { continue }
            if let attributes = try? FileManager.default.attributesOfItem(atPath: full),
               attributes[.type] as? FileAttributeType == .typeRegular {
                total += (attributes[.size] as? NSNumber)?.int64Value ?? 0
            }
        }
        return total
    }
}
