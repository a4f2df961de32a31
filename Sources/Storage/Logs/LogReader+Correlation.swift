import AccessLogs
import Foundation
import GRDB

extension LogReader {
    /// The log records of a trace, oldest first: those carrying the trace id, and those
    /// whose request id is one of `requestIds` (the trace's spans' `guid:x-request-id`
    /// tags, for records logged without a trace id). At most `limit` records.
    public func records(traceId: String?, requestIds: [String] = [], limit: Int = 1000) throws -> [AccessLogRecord] {
        var normalized: String?
        if let traceId, !traceId.isEmpty {
            guard let id = TraceContextHeaders.normalize(traceId) else {
                throw QueryParameterError(parameter: "trace_id", value: traceId, reason: "expected 1 to 32 hex digits, not all zero")
            }
            normalized = id
        }
        let requests = Set(requestIds.filter { !$0.isEmpty })
        var keys = requests.map(LogCorrelation.key(requestId:))
        if let normalized { keys.append(LogCorrelation.key(traceId: normalized)) }
        do {
            return try pool.read { db in
                // Candidates share a key with the trace or a request; the columns decide.
                let statement = try db.cachedStatement(sql: "SELECT ts, trace_id, request_id FROM records WHERE id = ?")
                var found: [Candidate] = []
                for id in try LogCorrelation.candidates(keys: keys, db) {
                    guard let row = try Row.fetchOne(statement, arguments: [id]) else { continue }
                    let trace: String? = row[1], request: String? = row[2]
                    if (normalized != nil && trace == normalized) || request.map(requests.contains) == true {
                        found.append(Candidate(id: id, ts: row[0]))
                    }
                }
                found.sort { ($0.ts, $0.id) < ($1.ts, $1.id) }
                return try records(ids: found.prefix(max(0, limit)).map(\.id), db)
            }
        } catch {
            throw StorageError.database("log lookup failed: \(error)")
        }
    }

    /// The log records carrying this trace id, oldest first.
    public func records(traceId: String) throws -> [AccessLogRecord] {
        try records(traceId: traceId, requestIds: [])
    }
}
