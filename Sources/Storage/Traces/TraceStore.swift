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
///
/// Group commit: appends that arrive while a commit is running wait, then go into the next
/// transaction together, each inside its own savepoint so that one refused append does not
/// take the others with it. Under load one commit carries many requests; a lone append is
/// committed at once.
public actor TraceStore {
    public nonisolated let reader: TraceReader
    public nonisolated let path: String
    public nonisolated let options: TraceStoreOptions
    private nonisolated let autocompleteKeys: Set<String>
    /// Told the spans of each committed append (duplicates included: the receiver dedups).
    public nonisolated let appended = AppendObservers<[Span]>()
    private let pool: DatabasePool
    private let logger: Logger
    /// Listing and autocomplete rows known to be stored, so that most appends skip them.
    private var knownNames: Set<NameRow> = []
    private var knownValues: Set<NameRow> = []
    private var storedSpans: Int64
    private var spansAppended: Int64 = 0
    private var duplicatesIgnored: Int64 = 0
    private var commits: Int64 = 0
    private var closed = false
    /// Appends waiting for the next commit, and whether a commit loop is running.
    private var waiting: [PendingAppend] = []
    private var committing = false
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    public static let fileName = "traces.db"

    /// `maxBytes` (0: no limit) caps traces.db; past it commits fail with `StorageError.full`.
    public init(directory: String, durability: Durability = .normal, options: TraceStoreOptions = .init(),
                logger: Logger = Logger(label: "meshscope.storage.traces"), maxBytes: Int = 0) throws {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        let count: Int64
        do {
            // Every commit rewrites each trace-id index page it touched, in random places:
            // 4 KiB pages write a quarter of what 16 KiB ones do for the same inserts (spans
            // are ~1 KiB, so the table needs no larger pages). The larger cache keeps that
            // index in memory. A 64 MiB WAL checkpoints a quarter as often as 16 MiB, and a
            // hot index page rewritten by many commits is copied to the file once per
            // checkpoint: ingest measured 1.9x faster (BENCHMARKS.md, traces).
            pool = try SQLiteFile.openPool(path: path, durability: durability, pageSize: 4096,
                                           cacheKiB: 32 * 1024, autocheckpointPages: 16384, maxBytes: maxBytes)
            try TraceSchema.migrator.migrate(pool)
            count = try pool.read { db in try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM spans") ?? 0 }
        } catch {
            throw StorageError.database("cannot open \(path): \(error)")
        }
        storedSpans = count
        self.options = options
        self.logger = logger
        autocompleteKeys = Set(options.autocompleteKeys)
        reader = TraceReader(pool: pool, options: options, dependencyMinutes: DependencyMinutes())
        logger.info("trace store opened", metadata: ["path": "\(path)", "spans": "\(count)"])
    }

    /// Stores the spans and returns once their transaction has committed. A span seen
    /// before (same trace id, span id and bytes) is counted as a duplicate, not stored.
    /// Encoding runs on the caller's task; only the inserts wait for the writer.
    @discardableResult
    public nonisolated func append(_ spans: [Span]) async throws -> TraceAppendSummary {
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
        let batch = try TraceBatch(spans, receivedAt: now, options: options, autocompleteKeys: autocompleteKeys)
        let summary = try await commit(batch)
        appended.notify(spans)
        return summary
    }

    private func commit(_ batch: TraceBatch) async throws -> TraceAppendSummary {
        guard !closed else { throw StorageError.database("trace store is closed") }
        return try await withCheckedThrowingContinuation { continuation in
            waiting.append(PendingAppend(batch: batch, continuation: continuation))
            if !committing {
                committing = true
                Task { await self.commitWaiting() }
            }
        }
    }

    /// Commits everything waiting, again and again until nothing waits.
    private func commitWaiting() async {
        while !waiting.isEmpty {
            let group = waiting
            waiting = []
            let outcome: Result<TraceGroupCommit, Error>
            do {
                outcome = .success(try await TraceGroupCommit.run(group.map(\.batch), pool: pool,
                                                                  knownNames: knownNames, knownValues: knownValues))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let commit):
                // Only committed rows become known.
                knownNames.formUnion(commit.newNames)
                knownValues.formUnion(commit.newValues)
                commits += 1
                for (pending, result) in zip(group, commit.results) {
                    if case .success(let summary) = result {
                        storedSpans += Int64(summary.stored)
                        spansAppended += Int64(summary.stored)
                        duplicatesIgnored += Int64(summary.duplicates)
                    }
                    pending.continuation.resume(with: result)
                }
            case .failure(let error):
                logger.error("trace commit failed", metadata: ["error": "\(error)", "appends": "\(group.count)"])
                let failure = StorageFull.error(error, path: path) ?? (error as? StorageError)
                    ?? StorageError.database("commit failed: \(error)")
                for pending in group { pending.continuation.resume(throwing: failure) }
            }
        }
        committing = false
        for waiter in idleWaiters { waiter.resume() }
        idleWaiters = []
    }

    /// Returns when no commit is running.
    private func untilIdle() async {
        guard committing else { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// Deletes spans whose time (`ts`, µs) is before the cutoff, and listing entries no
    /// remaining span backs.
    @discardableResult
    public func applyRetention(cutoffMicros: Int64) throws -> TraceRetentionSummary {
        guard !closed else { throw StorageError.database("trace store is closed") }
        var summary = TraceRetentionSummary()
        do {
            try pool.write { db in
                let newestBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM spans") ?? 0
                try db.execute(sql: "DELETE FROM spans WHERE ts < ?", arguments: [cutoffMicros])
                summary.spansDeleted = db.changesCount
                guard summary.spansDeleted > 0 else { return }
                // Dependency minutes an hour past the cutoff go (their traces may have lost
                // spans); if the newest row went too, its id may be handed out again.
                let minutes = reader.dependencyMinutes
                minutes.dropBefore(TraceReader.minute(of: cutoffMicros) + 60)
                let newestAfter = try Int64.fetchOne(db, sql: "SELECT max(id) FROM spans") ?? 0
                if newestAfter < newestBefore { minutes.reset(watermark: newestAfter) }
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
        TraceStoreStatistics(spans: storedSpans, spansAppended: spansAppended, duplicatesIgnored: duplicatesIgnored,
                             commits: commits, bytesOnDisk: SQLiteFile.bytesOnDisk(path: path))
    }

    /// Checkpoints the WAL into the main file (on clean shutdown).
    public func checkpoint() {
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            logger.warning("trace WAL checkpoint failed", metadata: ["error": "\(error)"])
        }
    }

    /// Closes the database once the running commit is done; later appends and reads fail.
    public func close() async throws {
        closed = true
        while committing || !waiting.isEmpty { await untilIdle() }
        try pool.close()
    }
}

/// An append waiting for the next group commit.
private struct PendingAppend {
    var batch: TraceBatch
    var continuation: CheckedContinuation<TraceAppendSummary, Error>
}

/// A `span_names` or `autocomplete` row.
struct NameRow: Hashable, Sendable {
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
    /// Transactions committed by this process; fewer than appends under concurrent load.
    public var commits: Int64
    public var bytesOnDisk: Int64
}
