import Foundation
import GRDB
import Traces

/// The columns of one `spans` row, derived from a span once per append.
struct TraceRow {
    var trace: TraceID
    var spanID: Int64
    var parentID: Int64?
    var kind: Int64
    var shared: Bool
    var localService: String?
    var remoteService: String?
    var name: String?
    var ts: Int64
    var duration: Int64?
    var error: Bool
    var encoded: [UInt8]
    var digest: Int64

    /// `receivedAt` (µs) places spans with neither a timestamp nor annotations in time, so
    /// that they are found by windows and removed by retention.
    init(_ span: Span, receivedAt: Int64) {
        trace = TraceID(hex: span.traceId) ?? TraceID(high: 0, low: 0)
        spanID = TraceID.spanID(span.id)
        parentID = span.parentId.map(TraceID.spanID)
        kind = Int64(span.kind?.protoNumber ?? 0)
        shared = span.shared
        localService = span.localServiceName
        remoteService = span.remoteServiceName
        name = span.name
        ts = span.timestamp ?? span.annotations.first?.timestamp ?? receivedAt
        duration = span.duration
        error = span.tags["error"] != nil
        encoded = SpanJSONEncoder.encode(span)
        digest = fnv1a64(encoded)
    }

    /// Inserts the row unless the same piece is stored; returns its rowid, nil for a duplicate.
    /// `ON CONFLICT DO NOTHING` only forgives the identity index: any other constraint
    /// still fails the statement and so the whole append.
    func insert(_ db: Database) throws -> Int64? {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO spans (trace_hi, trace_lo, span_id, parent_id, digest, kind, shared,
                               local_service, remote_service, name, ts, duration, error, span)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (trace_lo, trace_hi, span_id, digest) DO NOTHING
            """)
        try statement.execute(arguments: [
            trace.storedHigh, trace.storedLow, spanID, parentID, digest, kind, shared,
            localService, remoteService, name, ts, duration, error, Data(encoded),
        ])
        return db.changesCount == 1 ? db.lastInsertedRowID : nil
    }

    /// The annotationQuery terms of a span: tags as (key, value), annotations as (value, '').
    static func insertTerms(of span: Span, row: Int64, _ db: Database) throws {
        if span.tags.isEmpty && span.annotations.isEmpty { return }
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO span_terms (span_row, key, value) VALUES (?, ?, ?)
            """)
        for (k, v) in span.tags { try statement.execute(arguments: [row, k, v]) }
        for a in span.annotations { try statement.execute(arguments: [row, a.value, ""]) }
    }
}

/// Decodes a stored `span` column.
func decodeStoredSpan(_ data: Data) throws -> Span {
    do {
        return try data.withUnsafeBytes { raw in
            try SpanJSONDecoder.decodeOne(raw.bindMemory(to: UInt8.self))
        }
    } catch {
        throw StorageError.database("stored span cannot be decoded: \(error)")
    }
}
