import AccessLogs
import Foundation
import GRDB

extension LogReader {
    /// `GET /api/v1/logs/stats`: counts by status class and by destination of the records
    /// answering the query's filters (its cursor and limit are ignored).
    public func stats(_ query: LogQuery) throws -> LogStats {
        var all = query
        all.cursor = nil
        all.limit = 1
        let plan = try LogSearchPlan(all)
        do {
            return try pool.read { db in
                var counts: [StatsKey: Int] = [:]
                let watermark = plan.text == nil ? nil : try LogFullText.watermark(db)
                var scanTail = false
                for driver in plan.countingDrivers {
                    switch driver {
                    case let .index(index, condition, driverArguments):
                        try countIndexed(plan, index, condition, driverArguments, watermark: watermark, into: &counts, db)
                        scanTail = plan.text != nil
                    case .correlation(let keys):
                        for row in try correlatedRows(plan, keys: keys, withCursor: false, db) {
                            counts[StatsKey(code: row.code, destination: row.destination), default: 0] += 1
                        }
                    }
                }
                if scanTail, let text = plan.text, let watermark {
                    let (filters, arguments) = plan.unorderedFilters
                    let sql = "SELECT code, dst_service, path, authority, user_agent FROM records NOT INDEXED WHERE id > ? AND \(filters)"
                    let rows = try Row.fetchCursor(db.cachedStatement(sql: sql),
                                                   arguments: StatementArguments([watermark as any DatabaseValueConvertible] + arguments))
                    while let row = try rows.next() {
                        if text.matches([row[2], row[3], row[4]]) {
                            counts[StatsKey(code: row[0], destination: row[1]), default: 0] += 1
                        }
                    }
                }
                return Self.summarise(counts)
            }
        } catch let error as QueryParameterError {
            throw error
        } catch {
            throw StorageError.database("log stats failed: \(error)")
        }
    }

    /// Counts by (code, destination) over one index, FTS5 matching the indexed records.
    private func countIndexed(_ plan: LogSearchPlan, _ index: String, _ condition: String?,
                              _ driverArguments: [any DatabaseValueConvertible], watermark: Int64?,
                              into counts: inout [StatsKey: Int], _ db: Database) throws {
        var conditions = plan.filters
        var arguments = plan.arguments
        if let condition {
            conditions.append(condition)
            arguments += driverArguments
        }
        if let text = plan.text, let watermark {
            conditions.append("id <= ? AND id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)")
            arguments += [watermark, text.ftsExpression]
        }
        let sql = """
            SELECT code, dst_service, COUNT(*) FROM records INDEXED BY \(index)
            WHERE \(conditions.joined(separator: " AND ")) GROUP BY code, dst_service
            """
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
        while let row = try rows.next() {
            counts[StatsKey(code: row[0], destination: row[1]), default: 0] += row[2]
        }
    }

    struct StatsKey: Hashable {
        var code: Int?
        var destination: String?
    }

    static func summarise(_ counts: [StatsKey: Int]) -> LogStats {
        var stats = LogStats()
        var destinations: [String?: Int] = [:]
        for (key, n) in counts {
            stats.total += n
            let statusClass = key.code.flatMap { $0 >= 0 && $0 < 1000 ? "\($0 / 100)xx" : nil } ?? "none"
            stats.byStatusClass[statusClass, default: 0] += n
            destinations[key.destination, default: 0] += n
        }
        stats.byDestination = destinations.map { LogStats.Destination(service: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.service ?? "") < ($1.service ?? "") }
        return stats
    }
}
