import Foundation
import GRDB

/// Opens one signal's SQLite file in WAL mode with the chosen durability.
enum SQLiteFile {
    static func openPool(path: String, durability: Durability, readOnly: Bool = false) throws -> DatabasePool {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Only takes effect on a new file. Larger pages hold ~64 chunk rows each, so
            // the slack SQLite leaves per page costs a few percent instead of a tenth.
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = \(durability.synchronousPragma)")
            // Freed chunk pages are reused by later chunks; no VACUUM needed for steady state.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return try DatabasePool(path: path, configuration: configuration)
    }

    /// Size of the database plus its WAL, for the `/metrics` disk gauges.
    static func bytesOnDisk(path: String) -> Int64 {
        [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }
}
