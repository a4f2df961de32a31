import Foundation
import GRDB

/// The whole `traces.db` schema, in one place. FORMAT.md beside the metrics schema
/// describes what the rows mean.
///
/// Ids are stored as integers, not hex text: a trace id is two 64-bit halves (`trace_hi` is
/// 0 for a 64-bit id), a span id one. That halves the key size of every index entry
/// (8 + 8 bytes instead of 32 characters), and keeping the low half in its own column lets
/// a lenient lookup (`strictTraceId = false`) match a 64-bit id against 128-bit traces with
/// the same index. Unsigned ids are stored with their bit pattern as signed integers.
enum TraceSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // One row per span as received. `span` is the span encoded exactly (Zipkin JSON
            // v2 by SpanJSONEncoder); the other columns are copies of its fields for the
            // indexes and for readers that need no decoding (edge metrics). A rowid table:
            // spans arrive roughly in time order, so rows are appended, never inserted mid-tree.
            try db.execute(sql: """
                CREATE TABLE spans (
                    id             INTEGER PRIMARY KEY,
                    trace_hi       INTEGER NOT NULL,
                    trace_lo       INTEGER NOT NULL,
                    span_id        INTEGER NOT NULL,
                    parent_id      INTEGER,
                    digest         INTEGER NOT NULL, -- FNV-1a 64 of `span`: identity of a piece
                    kind           INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4), -- 0 none, then proto numbers
                    shared         INTEGER NOT NULL,
                    local_service  TEXT,
                    remote_service TEXT,
                    name           TEXT,
                    ts             INTEGER NOT NULL, -- µs: timestamp, else first annotation, else receipt
                    duration       INTEGER,          -- µs, NULL when absent
                    error          INTEGER NOT NULL, -- has an `error` tag
                    span           BLOB NOT NULL
                )
                """)
            // Trace by id (`trace_lo = ? AND trace_hi = ?`, or `trace_lo = ?` when lenient),
            // the per-trace EXISTS probes of a search, and idempotence: the same span piece
            // (same ids and same bytes, hence the same side) is stored once. Client and
            // server halves of a shared span id differ in bytes, so both are kept.
            try db.execute(sql: """
                CREATE UNIQUE INDEX spans_by_trace ON spans (trace_lo, trace_hi, span_id, digest)
                """)
            // Search by service within [endTs - lookback, endTs], newest first: the range
            // `local_service = ? AND ts BETWEEN ? AND ?` read backwards (rowid breaks ties).
            // Span name, remote service and duration filters are checked on these rows
            // rather than indexed: each extra index costs every append.
            try db.execute(sql: "CREATE INDEX spans_by_service_time ON spans (local_service, ts)")
            // Search without a service, dependencies and edge metrics over a window, and
            // retention (`ts < cutoff`).
            try db.execute(sql: "CREATE INDEX spans_by_time ON spans (ts)")
            // annotationQuery terms of v1 (replaced by `spans.terms` in v2): one row per tag
            // (key, value) and per annotation value (value, '').
            try db.execute(sql: """
                CREATE TABLE span_terms (
                    span_row INTEGER NOT NULL,
                    key      TEXT NOT NULL,
                    value    TEXT NOT NULL,
                    PRIMARY KEY (span_row, key, value)
                ) WITHOUT ROWID
                """)
            // Listings: `/api/v2/services` (kind 0, value ''), `/api/v2/spans` (kind 1, span
            // names) and `/api/v2/remoteServices` (kind 2), per local service. A small table
            // written only when the writer sees a new combination, so listing never scans spans.
            try db.execute(sql: """
                CREATE TABLE span_names (
                    service TEXT NOT NULL,
                    kind    INTEGER NOT NULL,
                    value   TEXT NOT NULL,
                    PRIMARY KEY (service, kind, value)
                ) WITHOUT ROWID
                """)
            // `/api/v2/autocompleteValues?key=`: distinct values of the configured keys only.
            try db.execute(sql: """
                CREATE TABLE autocomplete (
                    key   TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (key, value)
                ) WITHOUT ROWID
                """)
        }
        // v2: annotationQuery terms move from `span_terms` rows into a `terms` blob on the span
        // row (see `SpanTerms`): one B-tree insert per span instead of one per tag.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE spans ADD COLUMN terms BLOB NOT NULL DEFAULT x''")
            let update = try db.makeStatement(sql: "UPDATE spans SET terms = ? WHERE id = ?")
            // Ids first: updating rows while a cursor walks the same table is undefined in SQLite.
            let ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT span_row FROM span_terms")
            let read = try db.makeStatement(sql: "SELECT span FROM spans WHERE id = ?")
            for id in ids {
                guard let bytes = try Data.fetchOne(read, arguments: [id]) else { continue }
                try update.execute(arguments: [Data(SpanTerms.blob(of: try decodeStoredSpan(bytes))), id])
            }
            try db.execute(sql: "DROP TABLE span_terms")
        }
        return migrator
    }
}

/// `span_names.kind`.
enum SpanNameKind: Int64 {
    case service = 0
    case spanName = 1
    case remoteService = 2
}
