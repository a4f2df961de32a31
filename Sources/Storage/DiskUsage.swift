import Foundation
import GRDB

/// Where the bytes of `metrics.db` go, for the ingest benchmark.
public struct DiskUsage: Sendable {
    public var fileBytes: Int64
    /// Sum of chunk BLOB lengths: the compressed samples themselves.
    public var chunkPayloadBytes: Int64
    /// Pages per table or index (SQLite's dbstat), when the library provides it.
    public var pagesByObject: [String: Int64]
    public var samples: Int64

    /// Checkpoints the WAL into the main file first, so the file size is the real size.
    public static func measure(directory: String) throws -> DiskUsage {
        let path = (directory as NSString).appendingPathComponent(MetricsStore.fileName)
        let queue = try DatabaseQueue(path: path)
        return try queue.inDatabase { db in
            try db.checkpoint(.truncate)
            let payload = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(LENGTH(data)), 0) FROM chunks") ?? 0
            var samples: Int64 = 0
            // The first two bytes of every chunk are its sample count (see Chunks/FORMAT.md).
            let rows = try Row.fetchCursor(db, sql: "SELECT substr(data, 1, 2) FROM chunks")
            while let row = try rows.next() {
                let header: Data = row[0]
                if header.count == 2 { samples += Int64(header[header.startIndex]) << 8 | Int64(header[header.startIndex + 1]) }
            }
            var pages: [String: Int64] = [:]
            if let rows = try? Row.fetchAll(db, sql: "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name") {
                for row in rows { pages[row[0]] = row[1] }
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            return DiskUsage(fileBytes: size, chunkPayloadBytes: payload, pagesByObject: pages, samples: samples)
        }
    }

    /// Bytes of the label index: label pairs, series and postings, with their indexes.
    public var indexBytes: Int64 {
        pagesByObject.filter { $0.key.hasPrefix("label_pairs") || $0.key.hasPrefix("sqlite_autoindex_label_pairs")
            || $0.key == "series" || $0.key == "postings" }.values.reduce(0, +)
    }

    /// Pages of the chunks table and its index.
    public var chunkTableBytes: Int64 {
        pagesByObject["chunks"] ?? 0
    }
}
