import AccessLogs
import Foundation
import GRDB

/// A validated `LogQuery` turned into SQL: the filter conditions every candidate must meet,
/// and the indexes that produce candidates newest first ("drivers"). `service=` has two
/// drivers, the source and the destination index, merged by the reader; one OR over both
/// would lose the index order and sort the whole window.
struct LogSearchPlan {
    /// Where candidates come from: a B-tree index read newest first, or the correlation
    /// table's entries for a trace or request id (a handful of records, checked one by one).
    enum Driver {
        case index(String, condition: String?, arguments: [any DatabaseValueConvertible])
        case correlation(keys: [Int64])
    }

    var filters: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    var drivers: [Driver] = []
    /// `service=` as one condition, for queries that need no order (stats, the unindexed tail).
    var serviceCondition: (sql: String, arguments: [any DatabaseValueConvertible])?
    var text: LogTextQuery?
    var limit: Int
    var cursor: LogCursor?

    init(_ q: LogQuery) throws(QueryParameterError) {
        func present(_ s: String?) -> String? {
            guard let s, !s.isEmpty else { return nil }
            return s
        }
        guard (1...LogQuery.maxLimit).contains(q.limit) else {
            throw QueryParameterError(parameter: "limit", value: "\(q.limit)", reason: "must be between 1 and \(LogQuery.maxLimit)")
        }
        limit = q.limit
        if let c = present(q.cursor) { cursor = try LogCursor(decoding: c) }
        let start = q.startMicros ?? .min, end = q.endMicros ?? .max
        guard start <= end else {
            throw QueryParameterError(parameter: "start", value: "\(start)", reason: "is after end (\(end))")
        }
        filters.append("ts BETWEEN ? AND ?")
        arguments += [start, end]
        if let source = present(q.source) { add("src_service = ?", source) }
        if let destination = present(q.destination) { add("dst_service = ?", destination) }
        if let method = present(q.method) { add("method = ? COLLATE NOCASE", method) }
        if let status = q.status { add("code BETWEEN ? AND ?", status.codes.lowerBound, status.codes.upperBound) }
        if let minimum = q.minDurationMicros { add("duration >= ?", minimum) }
        let flags = q.responseFlags.flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "-" }
        // Bounded so that the statement cache holds few variants (Envoy has ~30 flags).
        guard Set(flags).count <= 32 else {
            throw QueryParameterError(parameter: "response_flags", value: q.responseFlags.joined(separator: ","),
                                      reason: "at most 32 flags")
        }
        if !flags.isEmpty {
            let distinct = Array(Set(flags)).sorted()
            filters.append("(" + distinct.map { _ in "instr(',' || flags || ',', ?) > 0" }.joined(separator: " OR ") + ")")
            arguments += distinct.map { ",\($0)," }
        }
        var traceId: String?
        if let id = present(q.traceId) {
            guard let normalized = TraceContextHeaders.normalize(id) else {
                throw QueryParameterError(parameter: "trace_id", value: id, reason: "expected 1 to 32 hex digits, not all zero")
            }
            add("trace_id = ?", normalized)
            traceId = normalized
        }
        if let requestId = present(q.requestId) { add("request_id = ?", requestId) }
        if let text = present(q.text) {
            let parsed = LogTextQuery(parsing: text)
            if !parsed.isEmpty { self.text = parsed }
        }
        let service = present(q.service)
        if let service { serviceCondition = ("(src_service = ? OR dst_service = ?)", [service, service]) }

        // The most selective source first: one trace or request, a service, else time.
        if let id = traceId {
            drivers = [.correlation(keys: [LogCorrelation.key(traceId: id)])]
        } else if let requestId = present(q.requestId) {
            drivers = [.correlation(keys: [LogCorrelation.key(requestId: requestId)])]
        } else if let service {
            drivers = [.index("records_by_source", condition: "src_service = ?", arguments: [service]),
                       .index("records_by_destination", condition: "dst_service = ?", arguments: [service])]
        } else if present(q.destination) != nil {
            drivers = [.index("records_by_destination", condition: nil, arguments: [])]
        } else if present(q.source) != nil {
            drivers = [.index("records_by_source", condition: nil, arguments: [])]
        } else {
            drivers = [.index("records_by_time", condition: nil, arguments: [])]
        }
    }

    /// Drivers that together yield each answer once, for counting: the two halves of
    /// `service=` exclude their overlap (a call from the service to itself).
    var countingDrivers: [Driver] {
        guard drivers.count == 2, let service = serviceCondition?.arguments.first else { return drivers }
        return [drivers[0], .index("records_by_destination", condition: "dst_service = ? AND src_service IS NOT ?",
                                   arguments: [service, service])]
    }

    private mutating func add(_ condition: String, _ values: any DatabaseValueConvertible...) {
        filters.append(condition)
        arguments += values
    }

    /// The filters plus `service=` as one condition.
    var unorderedFilters: (sql: String, arguments: [any DatabaseValueConvertible]) {
        var sql = filters
        var args = arguments
        if let serviceCondition {
            sql.append(serviceCondition.sql)
            args += serviceCondition.arguments
        }
        return (sql.joined(separator: " AND "), args)
    }
}
