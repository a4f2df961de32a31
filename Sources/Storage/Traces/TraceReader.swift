import Foundation
import GRDB
import Traces

/// Read access to committed spans. Readers run concurrently with the writer (WAL) and see
/// whole commits only. Traces come back merged with `Trace.merge` (client and server
/// halves, pieces of one span), as Zipkin's UI and dependency linker see them.
public struct TraceReader: Sendable {
    let pool: DatabasePool
    let options: TraceStoreOptions
    /// Whole minutes of dependency links, shared with the store (retention drops them).
    let dependencyMinutes: DependencyMinutes

    /// The trace with this id, merged; empty when absent. The id is 1–32 hex characters.
    /// Strict (the default): a 16-character id matches 64-bit traces only, a 32-character
    /// one the 128-bit trace only. Lenient: the low 64 bits decide.
    public func trace(id: String) throws -> [Span] {
        guard let traceID = TraceID(hex: id) else { throw TraceQueryError("invalid trace id: \(id)") }
        return try pool.read { db in Trace.merge(try rawSpans(of: traceID, db)) }
    }

    /// `/api/v2/traceMany`: each id that has spans, in request order, duplicates once.
    public func traces(ids: [String]) throws -> [[Span]] {
        var keys: [TraceID] = []
        for id in ids {
            guard let traceID = TraceID(hex: id) else { throw TraceQueryError("invalid trace id: \(id)") }
            let key = traceID.key(strict: options.strictTraceId)
            if !keys.contains(key) { keys.append(key) }
        }
        return try pool.read { db in
            try keys.compactMap { key in
                let spans = try rawSpans(of: key, db)
                return spans.isEmpty ? nil : Trace.merge(spans)
            }
        }
    }

    /// The spans stored under a trace id, as received, in storage order.
    func rawSpans(of id: TraceID, _ db: Database) throws -> [Span] {
        let statement = options.strictTraceId
            ? try db.cachedStatement(sql: "SELECT span FROM spans WHERE trace_lo = ? AND trace_hi = ? ORDER BY id")
            : try db.cachedStatement(sql: "SELECT span FROM spans WHERE trace_lo = ? ORDER BY id")
        let arguments: StatementArguments = options.strictTraceId ? [id.storedLow, id.storedHigh] : [id.storedLow]
        var spans: [Span] = []
        let rows = try Data.fetchCursor(statement, arguments: arguments)
        while let data = try rows.next() { spans.append(try decodeStoredSpan(data)) }
        return spans
    }

    /// `/api/v2/services`: every local service name, sorted.
    public func serviceNames() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT service FROM span_names WHERE kind = ? ORDER BY service",
                                arguments: [SpanNameKind.service.rawValue])
        }
    }

    /// `/api/v2/spans?serviceName=`: span names reported by that service, sorted.
    public func spanNames(service: String) throws -> [String] {
        try names(service, .spanName)
    }

    /// `/api/v2/remoteServices?serviceName=`: remote services named by that service, sorted.
    public func remoteServiceNames(service: String) throws -> [String] {
        try names(service, .remoteService)
    }

    private func names(_ service: String, _ kind: SpanNameKind) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT value FROM span_names WHERE service = ? AND kind = ? ORDER BY value",
                                arguments: [service.lowercased(), kind.rawValue])
        }
    }

    /// `/api/v2/autocompleteKeys`: the configured keys, as configured.
    public func autocompleteKeys() -> [String] { options.autocompleteKeys }

    /// `/api/v2/autocompleteValues?key=`: values seen for a configured key, sorted.
    public func autocompleteValues(key: String) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT value FROM autocomplete WHERE key = ? ORDER BY value", arguments: [key])
        }
    }

    /// SQLite's own consistency check: "ok" when intact.
    public func integrityCheck() throws -> String {
        try pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }
}
