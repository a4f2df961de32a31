import Foundation
import GRDB
import Traces

extension TraceReader {
    /// `/api/v2/traces`: up to `limit` traces answering the query, newest first by trace
    /// timestamp, each merged.
    ///
    /// Candidates come from the index, newest span first: spans in the window of the
    /// service (`spans_by_service_time`) or of any service (`spans_by_time`), with the
    /// span name on the same row, and EXISTS probes on the candidate's trace for the
    /// remote service, duration and each annotationQuery term. Each probe is a condition
    /// every answer satisfies, so none wrongly drops a trace; the exact Zipkin rule
    /// (`TraceQuery.matches`, criteria met by different spans of the service, the trace's
    /// own timestamp in the window) then decides on the whole trace. Candidates are read in
    /// pages until `limit` traces have matched or the window is exhausted.
    public func search(_ query: TraceQuery) throws -> [[Span]] {
        let strict = options.strictTraceId
        return try pool.read { db in
            let (sql, fixed) = candidateSQL(query)
            var found: [(ts: Int64, spans: [Span])] = []
            var seen = Set<TraceID>()
            var cursor: (ts: Int64, row: Int64) = (query.windowMicros.upperBound, .max)
            let pageSize = max(100, query.limit * 4)
            while found.count < query.limit {
                let arguments = StatementArguments(fixed + [cursor.ts, cursor.ts, cursor.row, pageSize])
                let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
                for row in rows {
                    cursor = (row["ts"], row["id"])
                    let id = TraceID(high: UInt64(bitPattern: row["trace_hi"]), low: UInt64(bitPattern: row["trace_lo"]))
                    guard seen.insert(id.key(strict: strict)).inserted else { continue }
                    let spans = try rawSpans(of: id, db)
                    guard query.matches(spans), let ts = TraceQuery.traceTimestamp(spans) else { continue }
                    found.append((ts, Trace.merge(spans)))
                    if found.count == query.limit { break }
                }
                if rows.count < pageSize { break }
            }
            return found.enumerated()
                .sorted { $0.element.ts != $1.element.ts ? $0.element.ts > $1.element.ts : $0.offset < $1.offset }
                .map(\.element.spans)
        }
    }

    /// The candidate query and its leading arguments; the caller appends the keyset cursor
    /// (ts, ts, id) and the page size.
    func candidateSQL(_ q: TraceQuery) -> (String, [(any DatabaseValueConvertible)?]) {
        var conditions = ["c.ts BETWEEN ? AND ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [q.windowMicros.lowerBound, q.windowMicros.upperBound]
        if let service = q.serviceName {
            conditions.append("c.local_service = ?")
            arguments.append(service)
        }
        if let name = q.spanName {
            conditions.append("c.name = ?")
            arguments.append(name)
        }
        // Probes over the candidate's trace (spans_by_trace), restricted to the service.
        let sameTrace = "s.trace_lo = c.trace_lo AND s.trace_hi = c.trace_hi"
            + (q.serviceName == nil ? "" : " AND s.local_service = c.local_service")
        if let remote = q.remoteServiceName {
            conditions.append("EXISTS (SELECT 1 FROM spans s WHERE \(sameTrace) AND s.remote_service = ?)")
            arguments.append(remote)
        }
        if let minDuration = q.minDuration {
            conditions.append("EXISTS (SELECT 1 FROM spans s WHERE \(sameTrace) AND s.duration BETWEEN ? AND ?)")
            arguments += [minDuration, q.maxDuration ?? .max]
        }
        for term in q.annotationQuery {
            // The term's hash among the span's (SpanTerms): may over-match, never under-match.
            conditions.append("EXISTS (SELECT 1 FROM spans s WHERE \(sameTrace) AND instr(s.terms, ?) > 0)")
            arguments.append(Data(SpanTerms.needle(key: term.key, value: term.value)))
        }
        let sql = """
            SELECT c.id AS id, c.ts AS ts, c.trace_hi AS trace_hi, c.trace_lo AS trace_lo
            FROM spans c \(q.serviceName == nil ? "INDEXED BY spans_by_time" : "INDEXED BY spans_by_service_time")
            WHERE \(conditions.joined(separator: " AND ")) AND (c.ts < ? OR (c.ts = ? AND c.id < ?))
            ORDER BY c.ts DESC, c.id DESC LIMIT ?
            """
        return (sql, arguments)
    }
}
