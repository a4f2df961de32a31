import AccessLogs
import GRDB
import GRDBSQLite

/// The `correlation` table: which records carry a trace id or a request id, grouped by
/// block of consecutive record ids (see LogSchema for why). Entries are candidates; callers
/// check them against the records' own `trace_id` and `request_id` columns.
enum LogCorrelation {
    /// 8,192 records a block: each commit inserts into a few pages of the newest block,
    /// and a lookup over a million records costs 123 index seeks.
    static let blockShift: Int64 = 13

    /// A trace id's key: its low 64 bits (the last 16 of its lowercase hex digits).
    static func key(traceId: String) -> Int64 {
        let hex = traceId.utf8.suffix(16)
        var value: UInt64 = 0
        for c in hex {
            let digit: UInt64 = c >= 0x61 ? UInt64(c - 0x61 + 10) : c >= 0x41 ? UInt64(c - 0x41 + 10) : UInt64(c &- 0x30)
            value = value << 4 | (digit & 0xF)
        }
        return Int64(bitPattern: value)
    }

    /// A request id's key: FNV-1a 64 of its bytes.
    static func key(requestId: String) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in requestId.utf8 { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return Int64(bitPattern: h)
    }

    static let insertSQL = "INSERT OR IGNORE INTO correlation (block, key, record) VALUES (?, ?, ?)"

    /// Adds the entries of a just-inserted record, through a prepared `insertSQL`.
    static func insert(record id: Int64, traceId: String?, requestId: String?, _ statement: Statement, _ db: Database) throws {
        if let traceId { try insert(id, key(traceId: traceId), statement, db) }
        if let requestId { try insert(id, key(requestId: requestId), statement, db) }
    }

    private static func insert(_ id: Int64, _ key: Int64, _ statement: Statement, _ db: Database) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, id >> blockShift)
        sqlite3_bind_int64(s, 2, key)
        sqlite3_bind_int64(s, 3, id)
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: insertSQL)
        }
    }

    /// Ids of the records that may carry one of these keys, ascending: one probe per block
    /// between the oldest and the newest stored record.
    static func candidates(keys: [Int64], _ db: Database) throws -> [Int64] {
        let keys = Array(Set(keys)).sorted()
        guard !keys.isEmpty, let range = try Row.fetchOne(db.cachedStatement(sql: "SELECT (SELECT MIN(id) FROM records), (SELECT MAX(id) FROM records)")),
              let first = range[0] as Int64?, let last = range[1] as Int64? else { return [] }
        var ids: [Int64] = []
        // Keys go in groups of 16 so that few statement shapes are cached.
        for start in stride(from: 0, to: keys.count, by: 16) {
            let group = Array(keys[start..<min(start + 16, keys.count)])
            let placeholders = Array(repeating: "?", count: group.count).joined(separator: ", ")
            let statement = try db.cachedStatement(sql: "SELECT record FROM correlation WHERE block = ? AND key IN (\(placeholders))")
            for block in (first >> blockShift)...(last >> blockShift) {
                let rows = try Int64.fetchCursor(statement, arguments: StatementArguments([block] + group))
                while let id = try rows.next() { ids.append(id) }
            }
        }
        return Array(Set(ids)).sorted()
    }

    /// Drops the blocks older than the oldest remaining record (retention). Entries of
    /// deleted records inside a live block stay until the block goes; lookups skip them.
    static func removeStaleBlocks(_ db: Database) throws {
        let first = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MIN(id) FROM records"))
        guard let first else {
            try db.execute(sql: "DELETE FROM correlation")
            return
        }
        try db.execute(sql: "DELETE FROM correlation WHERE block < ?", arguments: [first >> blockShift])
    }
}
