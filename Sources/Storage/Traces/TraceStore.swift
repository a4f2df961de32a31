import Foundation
import GRDB
import Logging
import Traces

/// Settings of a trace store.
public struct TraceStoreOptions: Sendable, Hashable {
    /// Zipkin's `STRICT_TRACE_ID` (default true): a 16-character id finds only 64-bit
    /// traces. When false, lookups and search group traces by the low 64 bits, so a
    /// 64-bit id finds a 128-bit trace too (mixed-width instrumentation).
    public var strictTraceId: Bool
    /// Zipkin's `AUTOCOMPLETE_KEYS`: tag keys whose values are kept for autocompletion.
    public var autocompleteKeys: [String]
    /// A span whose encoded form is larger is refused, and with it its whole append.
    public var maxSpanBytes: Int

    public init(strictTraceId: Bool = true, autocompleteKeys: [String] = [], maxSpanBytes: Int = 1 << 20) {
        self.strictTraceId = strictTraceId
        self.autocompleteKeys = autocompleteKeys
        self.maxSpanBytes = maxSpanBytes
    }
}

/// The trace database (`traces.db`): one writer, serialised by this actor, and any number
/// of concurrent readers through `reader` (WAL). An append is acknowledged only after its
/// transaction has committed; a failed append stores nothing.
public actor TraceStore {
    public nonisolated let reader: TraceReader
    public nonisolated let path: String
    public nonisolated let options: TraceStoreOptions
    private let pool: DatabasePool
    private let logger: Logger
    /// Listing and autocomplete rows known to be stored, so that most appends skip them.
    private var knownNames: Set<NameRow> = []
    private var knownValues: Set<NameRow> = []
    private let autocompleteKeys: Set<String>
    private var storedSpans: Int64
    private var spansAppended: Int64 = 0
    private var duplicatesIgnored: Int64 = 0
    private var closed = false

    public static let fileName = "traces.db"

    public init(directory: String, durability: Durability = .normal, options: TraceStoreOptions = .init(),
                logger: Logger = Logger(label: "meshscope.storage.traces")) throws {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        let count: Int64
        do {
            pool = try SQLiteFile.openPool(path: path, durability: durability)
            try TraceSchema.migrator.migrate(pool)
            count = try pool.read { db in try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM spans") ?? 0 }
        } catch {
            throw StorageError.database("cannot open \(path): \(error)")
        }
        storedSpans = count
        self.options = options
        self.logger = logger
        autocompleteKeys = Set(options.autocompleteKeys)
        reader = TraceReader(pool: pool, options: options)
        logger.info("trace store opened", metadata: ["path": "\(path)", "spans": "\(count)"])
    }

    /// Stores the spans in one transaction and returns once it has committed. A span seen
    /// before (same trace id, span id and bytes) is counted as a duplicate, not stored.
    @discardableResult
    public func append(_ spans: [Span]) throws -> TraceAppendSummary {
        guard !closed else { throw StorageError.database("trace store is closed") }
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
        var summary = TraceAppendSummary()
        var newNames: Set<NameRow> = []
        var newValues: Set<NameRow> = []
        let limit = options.maxSpanBytes
        do {
            try pool.write { db in
                for (index, span) in spans.enumerated() {
                    let row = TraceRow(span, receivedAt: now)
                    // Checked inside the transaction: earlier spans of the batch roll back too.
                    if row.encoded.count > limit {
                        throw StorageError.database(
                            "span \(index) (traceId \(span.traceId), id \(span.id)) is \(row.encoded.count) bytes, over the \(limit)-byte limit")
                    }
                    guard let rowID = try row.insert(db) else {
                        summary.duplicates += 1
                        continue
                    }
                    summary.stored += 1
                    try TraceRow.insertTerms(of: span, row: rowID, db)
                    if let service = span.localServiceName {
                        for name in [NameRow(service, .service, ""),
                                     span.name.map { NameRow(service, .spanName, $0) },
                                     span.remoteServiceName.map { NameRow(service, .remoteService, $0) }]
                        where name != nil && !knownNames.contains(name!) {
                            if newNames.insert(name!).inserted { try name!.insertName(db) }
                        }
                    }
                    for (k, v) in span.tags where autocompleteKeys.contains(k) {
                        let pair = NameRow(k, .service, v)
                        if !knownValues.contains(pair) && newValues.insert(pair).inserted { try pair.insertValue(db) }
                    }
                }
            }
        } catch {
            logger.error("trace commit failed", metadata: ["error": "\(error)"])
            if let error = error as? StorageError { throw error }
            throw StorageError.database("commit failed: \(error)")
        }
        // Only committed rows become known.
        knownNames.formUnion(newNames)
        knownValues.formUnion(newValues)
        storedSpans += Int64(summary.stored)
        spansAppended += Int64(summary.stored)
        duplicatesIgnored += Int64(summary.duplicates)
        return summary
    }

    /// Deletes spans whose time (`ts`, µs) is before the cutoff, their search terms, and
    /// listing entries no remaining span backs.
    @discardableResult
    public func applyRetention(cutoffMicros: Int64) throws -> TraceRetentionSummary {
        guard !closed else { throw StorageError.database("trace store is closed") }
        var summary = TraceRetentionSummary()
        do {
            try pool.write { db in
                let ids = try Int64.fetchAll(db, sql: "DELETE FROM spans WHERE ts < ? RETURNING id", arguments: [cutoffMicros])
                summary.spansDeleted = ids.count
                let terms = try db.cachedStatement(sql: "DELETE FROM span_terms WHERE span_row = ?")
                for id in ids { try terms.execute(arguments: [id]) }
                guard !ids.isEmpty else { return }
                try db.execute(sql: """
                    DELETE FROM span_names WHERE NOT EXISTS (
                        SELECT 1 FROM spans s WHERE s.local_service = span_names.service AND (
                            span_names.kind = 0
                            OR (span_names.kind = 1 AND s.name = span_names.value)
                            OR (span_names.kind = 2 AND s.remote_service = span_names.value)))
                    """)
                summary.namesDeleted = db.changesCount
            }
        } catch {
            throw StorageError.database("trace retention failed: \(error)")
        }
        if summary.namesDeleted > 0 { knownNames.removeAll() }
        storedSpans -= Int64(summary.spansDeleted)
        return summary
    }

    public func statistics() -> TraceStoreStatistics {
        TraceStoreStatistics(spans: storedSpans, spansAppended: spansAppended,
                             duplicatesIgnored: duplicatesIgnored, bytesOnDisk: SQLiteFile.bytesOnDisk(path: path))
    }

    /// Checkpoints the WAL into the main file (on clean shutdown).
    public func checkpoint() {
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            logger.warning("trace WAL checkpoint failed", metadata: ["error": "\(error)"])
        }
    }

    /// Closes the database; later appends and reads fail.
    public func close() throws {
        closed = true
        try pool.close()
    }
}

/// A `span_names` or `autocomplete` row.
struct NameRow: Hashable {
    var first: String
    var kind: SpanNameKind
    var value: String

    init(_ first: String, _ kind: SpanNameKind, _ value: String) {
        self.first = first
        self.kind = kind
        self.value = value
    }

    func insertName(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO span_names (service, kind, value) VALUES (?, ?, ?)")
            .execute(arguments: [first, kind.rawValue, value])
    }

    func insertValue(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO autocomplete (key, value) VALUES (?, ?)")
            .execute(arguments: [first, value])
    }
}

public struct TraceAppendSummary: Sendable, Hashable {
    public var stored = 0
    public var duplicates = 0

    public init(stored: Int = 0, duplicates: Int = 0) {
        self.stored = stored
        self.duplicates = duplicates
    }
}

public struct TraceRetentionSummary: Sendable, Hashable {
    public var spansDeleted = 0
    public var namesDeleted = 0
}

public struct TraceStoreStatistics: Sendable, Hashable {
    /// Rows in `spans` (pieces and halves count separately).
    public var spans: Int64
    /// Stored by this process since it opened the store.
    public var spansAppended: Int64
    public var duplicatesIgnored: Int64
    public var bytesOnDisk: Int64
}
