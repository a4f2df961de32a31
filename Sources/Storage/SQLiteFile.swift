import Foundation
import GRDB

/// Opens one signal's SQLite file in WAL mode with the chosen durability.
enum SQLiteFile {
    /// `pageSize` only takes effect on a new file. `cacheKiB`: each connection's page cache
    /// (SQLite's default is 2 MiB). `autocheckpointPages`: WAL size, in pages, at which a
    /// commit checkpoints (SQLite's default is 1000). `maxBytes` (0: no limit) caps the main
    /// file with `PRAGMA max_page_count` (the WAL is not counted): a commit that would grow the
    /// file past it fails with SQLITE_FULL and rolls back, as on a full disk.
    static func openPool(path: String, durability: Durability, readOnly: Bool = false,
                         pageSize: Int = 16384, cacheKiB: Int? = nil, autocheckpointPages: Int? = nil,
                         maxBytes: Int = 0) throws -> DatabasePool {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            try db.execute(sql: "PRAGMA synchronous = \(durability.synchronousPragma)")
            // Freed chunk pages are reused by later chunks; no VACUUM needed for steady state.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            if let cacheKiB { try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)") }
            if let autocheckpointPages { try db.execute(sql: "PRAGMA wal_autocheckpoint = \(autocheckpointPages)") }
            if maxBytes > 0 {
                let actualPageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? pageSize
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maxBytes / actualPageSize))")
            }
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
