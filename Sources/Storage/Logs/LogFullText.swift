import GRDB

/// The full-text index (`records_fts`, external content over `records`) and its
/// watermark. Rows up to the watermark are indexed, later rows are not yet; since ids
/// only grow, the two sets are a split of the id space and a search covers both.
enum LogFullText {
    static func watermark(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT indexed_through FROM fts_state WHERE singleton = 0")) ?? 0
    }

    /// Indexes the next `limit` records after the watermark; returns how many.
    static func indexPending(limit: Int, _ db: Database) throws -> Int {
        let from = try watermark(db)
        let rows = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) AS n, MAX(id) AS last FROM (SELECT id FROM records WHERE id > ? ORDER BY id LIMIT ?)
            """), arguments: [from, limit])
        guard let rows, let last: Int64 = rows["last"] else { return 0 }
        let count: Int = rows["n"]
        try db.cachedStatement(sql: """
            INSERT INTO records_fts (rowid, path, authority, user_agent)
            SELECT id, path, authority, user_agent FROM records WHERE id > ? AND id <= ?
            """).execute(arguments: [from, last])
        try db.cachedStatement(sql: "UPDATE fts_state SET indexed_through = ? WHERE singleton = 0")
            .execute(arguments: [last])
        return count
    }

    /// Removes the index entries of indexed records older than the cutoff, before the
    /// rows go. External content needs the exact indexed values to delete, and an entry
    /// must never be deleted for a row that was not indexed (it would corrupt the index).
    static func removeIndexed(before cutoffMicros: Int64, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO records_fts (records_fts, rowid, path, authority, user_agent)
            SELECT 'delete', id, path, authority, user_agent FROM records
            WHERE ts < ? AND id <= (SELECT indexed_through FROM fts_state WHERE singleton = 0)
            """, arguments: [cutoffMicros])
    }
}
