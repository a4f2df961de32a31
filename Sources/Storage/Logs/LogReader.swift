import AccessLogs
import Foundation
import GRDB

/// Read access to committed access-log records. Readers run concurrently with the writer
/// (WAL) and see whole commits only; each call reads one snapshot.
///
/// Searches (`search`, `stats`) are in LogReader+Search.swift and LogReader+Stats.swift,
/// trace correlation in LogReader+Correlation.swift.
public struct LogReader: Sendable {
    let pool: DatabasePool
    let options: LogStoreOptions

    /// The columns a page needs to rebuild a record.
    static let recordColumns = "id, ts, shape, method, code, flags, duration, trace_id, request_id, path, authority, user_agent, src_service, dst_service, default_service, raw"

    /// The stored position of a tailed file, nil when it was never followed.
    public func followedOffset(path: String) throws -> FollowedFileOffset? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.followedColumns) FROM followed_files WHERE path = ?", arguments: [path])
                .map(Self.followed(from:))
        }
    }

    /// Every followed file's position, by path.
    public func followedFiles() throws -> [FollowedFileOffset] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.followedColumns) FROM followed_files ORDER BY path").map(Self.followed(from:))
        }
    }

    static let followedColumns = "path, device, inode, offset, head_length, head_hash"

    static func followed(from row: Row) -> FollowedFileOffset {
        FollowedFileOffset(path: row["path"], device: UInt64(bitPattern: row["device"]), inode: UInt64(bitPattern: row["inode"]),
                           offset: row["offset"], headLength: row["head_length"], headHash: UInt64(bitPattern: row["head_hash"]))
    }

    /// Records committed but not yet in the full-text index.
    public func pendingFullTextCount() throws -> Int64 {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM records WHERE id > ?", arguments: [LogFullText.watermark(db)]) ?? 0
        }
    }

    /// SQLite's own consistency check: "ok" when intact.
    public func integrityCheck() throws -> String {
        try pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }

    /// The records with these row ids, in the order given.
    func records(ids: [Int64], _ db: Database) throws -> [AccessLogRecord] {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.recordColumns) FROM records WHERE id = ?")
        return try ids.compactMap { id in
            try Row.fetchOne(statement, arguments: [id]).map(Self.record(from:))
        }
    }

    /// Rebuilds a record by parsing its raw line again with the default service it was
    /// parsed with. A line this version cannot parse (written by a later, more lenient
    /// one) still comes back, with the stored columns and the raw bytes.
    static func record(from row: Row) -> AccessLogRecord {
        let raw: [UInt8] = (row["raw"] as Data?).map { [UInt8]($0) } ?? []
        let defaultService: String? = row["default_service"]
        if let record = try? AccessLogParser.parse(line: raw, defaultService: defaultService) { return record }
        let shape = AccessLogShape(rawValue: row["shape"]) ?? .istio
        return AccessLogRecord(
            shape: shape, timestampMicros: row["ts"], method: row["method"], path: row["path"],
            authority: row["authority"], responseCode: row["code"], responseFlags: row["flags"],
            durationMicros: row["duration"], userAgent: row["user_agent"], requestId: row["request_id"],
            traceId: row["trace_id"], source: AccessLogPeer(service: row["src_service"]),
            destination: AccessLogPeer(service: row["dst_service"]), defaultService: defaultService, raw: raw)
    }
}
