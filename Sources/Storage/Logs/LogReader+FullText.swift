import AccessLogs
import GRDB

extension LogReader {
    /// Indexed candidates of one driver that FTS5 matches, in page order, up to `limit`.
    ///
    /// A sparse term (few matches overall) is an `id IN (SELECT rowid ... MATCH)` on the
    /// driver's range. A dense one (`GET`, `api`: most records) would materialize
    /// hundreds of thousands of ids for a page of a hundred, so the driver's rows are read
    /// in order and each is probed (`MATCH ? AND rowid = ?`) until the page is full; past
    /// the probe budget (a term common overall but rare among the driver's rows) the rest
    /// is answered the sparse way. Thresholds: `LogStoreOptions`.
    func textCandidates(_ plan: LogSearchPlan, _ text: LogTextQuery, _ index: String, _ condition: String?,
                        _ driverArguments: [any DatabaseValueConvertible], watermark: Int64, dense: Bool,
                        limit: Int, _ db: Database) throws -> [Candidate] {
        var base = plan
        if let condition {
            base.filters.append(condition)
            base.arguments += driverArguments
        }
        base.filters.append("id <= ?")
        base.arguments.append(watermark)
        if !dense {
            base.filters.append("id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)")
            base.arguments.append(text.ftsExpression)
            return try orderedCandidates(base, index, after: plan.cursor, limit: limit, db)
        }
        let probe = try db.cachedStatement(sql: "SELECT 1 FROM records_fts WHERE records_fts MATCH ? AND rowid = ?")
        let expression = text.ftsExpression
        var found: [Candidate] = []
        var probes = 0
        var after = plan.cursor
        while true {
            let page = try orderedCandidates(base, index, after: after, limit: 500, db)
            for c in page {
                if probes == options.textProbeBudget {
                    var sparse = base
                    sparse.filters.append("id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)")
                    sparse.arguments.append(expression)
                    return found + (try orderedCandidates(sparse, index, after: after, limit: limit - found.count, db))
                }
                probes += 1
                after = LogCursor(ts: c.ts, id: c.id)
                if try Bool.fetchOne(probe, arguments: [expression, c.id]) != nil {
                    found.append(c)
                    if found.count == limit { return found }
                }
            }
            if page.count < 500 { return found }
        }
    }

    /// Whether the text query matches at least `denseTextMatches` indexed records.
    func isDense(_ text: LogTextQuery, _ db: Database) throws -> Bool {
        let count = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM (SELECT rowid FROM records_fts WHERE records_fts MATCH ? LIMIT ?)
            """), arguments: [text.ftsExpression, options.denseTextMatches]) ?? 0
        return count >= options.denseTextMatches
    }

    /// Up to `limit` candidates from an index passing the plan's filters, newest first,
    /// strictly after `after`.
    func orderedCandidates(_ plan: LogSearchPlan, _ index: String, after: LogCursor?, limit: Int,
                           _ db: Database) throws -> [Candidate] {
        var conditions = plan.filters
        var arguments = plan.arguments
        if let after {
            conditions.append(LogCursor.condition)
            arguments += after.arguments
        }
        let sql = """
            SELECT id, ts FROM records INDEXED BY \(index)
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY ts DESC, id DESC LIMIT ?
            """
        arguments.append(limit)
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
        var out: [Candidate] = []
        while let row = try rows.next() { out.append(Candidate(id: row[0], ts: row[1])) }
        return out
    }
}
