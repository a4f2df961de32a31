import AccessLogs
import Foundation
import GRDB

extension LogReader {
    /// `GET /api/v1/logs`: one page of the records answering the query, newest first (by
    /// time, then by arrival), and the cursor of the next page.
    ///
    /// Each driver yields up to `limit + 1` candidates (ids and times only, read from
    /// covering index entries where the filters allow) in page order; they are merged, and
    /// only the page's rows are read and rebuilt. The extra candidate tells whether a next
    /// page exists. With a text query, indexed records are matched by FTS5 (see
    /// `textCandidates`) and the records past the full-text watermark by
    /// `LogTextQuery.matches`, the same rule.
    ///
    /// Throws `QueryParameterError` for a query that cannot be run (bad cursor, limit or
    /// trace id), `StorageError` when the database fails.
    public func search(_ query: LogQuery) throws -> LogPage {
        let plan = try LogSearchPlan(query)
        do {
            return try pool.read { db in
                let wanted = plan.limit + 1
                let watermark = plan.text == nil ? nil : try LogFullText.watermark(db)
                var candidates: [Candidate] = []
                var scanTail = false
                var dense: Bool?
                for driver in plan.drivers {
                    switch driver {
                    case let .index(index, condition, arguments):
                        if let text = plan.text, let watermark {
                            if dense == nil { dense = try isDense(text, db) }
                            candidates += try textCandidates(plan, text, index, condition, arguments, watermark: watermark,
                                                             dense: dense!, limit: wanted, db)
                            scanTail = true
                        } else {
                            var filtered = plan
                            if let condition {
                                filtered.filters.append(condition)
                                filtered.arguments += arguments
                            }
                            candidates += try orderedCandidates(filtered, index, after: plan.cursor, limit: wanted, db)
                        }
                    case .correlation(let keys):
                        candidates += try correlatedRows(plan, keys: keys, withCursor: true, db).map { Candidate(id: $0.id, ts: $0.ts) }
                    }
                }
                if scanTail, let text = plan.text, let watermark {
                    candidates += try tailCandidates(plan, text, after: watermark, db)
                }
                candidates.sort { ($0.ts, $0.id) > ($1.ts, $1.id) }
                var page: [Candidate] = []
                for c in candidates where page.last?.id != c.id {
                    page.append(c)
                    if page.count == wanted { break }
                }
                var next: String?
                if page.count > plan.limit {
                    page.removeLast()
                    next = page.last.map { LogCursor(ts: $0.ts, id: $0.id).encoded }
                }
                return LogPage(records: try records(ids: page.map(\.id), db), nextCursor: next)
            }
        } catch let error as QueryParameterError {
            throw error
        } catch {
            throw StorageError.database("log search failed: \(error)")
        }
    }

    struct Candidate {
        var id: Int64
        var ts: Int64
    }

    /// Records past the full-text watermark that pass the filters and the text query.
    /// Read by rowid range: they are the newest ids, and few while the indexer keeps up.
    private func tailCandidates(_ plan: LogSearchPlan, _ text: LogTextQuery, after watermark: Int64,
                                _ db: Database) throws -> [Candidate] {
        var (filters, arguments) = plan.unorderedFilters
        if let cursor = plan.cursor {
            filters += " AND " + LogCursor.condition
            arguments += cursor.arguments
        }
        let sql = "SELECT id, ts, path, authority, user_agent FROM records NOT INDEXED WHERE id > ? AND \(filters)"
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql),
                                       arguments: StatementArguments([watermark as any DatabaseValueConvertible] + arguments))
        var out: [Candidate] = []
        while let row = try rows.next() {
            if text.matches([row[2], row[3], row[4]]) { out.append(Candidate(id: row[0], ts: row[1])) }
        }
        return out
    }

    /// A correlated row that passed the filters.
    struct CorrelatedRow {
        var id: Int64
        var ts: Int64
        var code: Int?
        var destination: String?
    }

    /// The records behind correlation entries that pass every filter (the `trace_id` or
    /// `request_id` condition among them, which settles key collisions). The text query
    /// is checked with `LogTextQuery.matches` on every one, indexed or not: same rule.
    func correlatedRows(_ plan: LogSearchPlan, keys: [Int64], withCursor: Bool, _ db: Database) throws -> [CorrelatedRow] {
        var (filters, arguments) = plan.unorderedFilters
        if withCursor, let cursor = plan.cursor {
            filters += " AND " + LogCursor.condition
            arguments += cursor.arguments
        }
        let statement = try db.cachedStatement(sql: """
            SELECT id, ts, code, dst_service, path, authority, user_agent FROM records WHERE id = ? AND \(filters)
            """)
        var out: [CorrelatedRow] = []
        for id in try LogCorrelation.candidates(keys: keys, db) {
            guard let row = try Row.fetchOne(statement, arguments: StatementArguments([id as any DatabaseValueConvertible] + arguments)) else {
                continue
            }
            if let text = plan.text, !text.matches([row[4], row[5], row[6]]) { continue }
            out.append(CorrelatedRow(id: row[0], ts: row[1], code: row[2], destination: row[3]))
        }
        return out
    }
}
