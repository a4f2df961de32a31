import AccessLogs
import Foundation
import GRDB
import Logging

/// The access-log database (`logs.db`): one writer, serialised by this actor, and any
/// number of concurrent readers through `reader` (WAL). An append is acknowledged only
/// after its transaction has committed, and is all or nothing: a failed append stores no
/// record and moves no file offset.
///
/// The full-text index trails ingest: `indexPending(limit:)` adds committed records to it
/// and should run on a timer (every second or so); searches cover the records it has not
/// reached yet by scanning them, so nothing is ever missing from an answer.
public actor LogStore {
    /// Told, after each commit, the records it stored (log forwarding queues them).
    public nonisolated let appended = AppendObservers<[AccessLogRecord]>()
    public nonisolated let reader: LogReader
    public nonisolated let path: String
    public nonisolated let options: LogStoreOptions
    private let pool: DatabasePool
    private let logger: Logger
    private var storedRecords: Int64
    private var pendingFullText: Int64
    private var recordsAppended: Int64 = 0
    private var closed = false

    public static let fileName = "logs.db"

    /// `maxBytes` (0: no limit) caps logs.db; past it commits fail with `StorageError.full`.
    public init(directory: String, durability: Durability = .normal, options: LogStoreOptions = .init(),
                logger: Logger = Logger(label: "meshscope.storage.logs"), maxBytes: Int = 0) throws {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        let count: Int64
        let pending: Int64
        do {
            pool = try SQLiteFile.openPool(path: path, durability: durability, maxBytes: maxBytes)
            try LogSchema.migrator.migrate(pool)
            (count, pending) = try pool.read { db in
                (try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM records") ?? 0,
                 try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM records WHERE id > ?", arguments: [LogFullText.watermark(db)]) ?? 0)
            }
        } catch {
            throw StorageError.database("cannot open \(path): \(error)")
        }
        storedRecords = count
        pendingFullText = pending
        self.options = options
        self.logger = logger
        reader = LogReader(pool: pool, options: options)
        logger.info("log store opened", metadata: ["path": "\(path)", "records": "\(count)"])
    }

    /// Stores the records in one transaction and returns once it has committed.
    @discardableResult
    public func append(_ records: [AccessLogRecord]) async throws -> LogAppendSummary {
        try await append(records, followed: nil)
    }

    /// Stores the records and, in the same transaction, where the tailed file they were
    /// read from has been read up to: after a crash either both are stored or neither, so
    /// a restart re-reads exactly the lines that were not stored. With no records it only
    /// moves the offset (blank or refused lines).
    ///
    /// The transaction runs on the database's writer queue, not on the caller's thread: a
    /// commit of a thousand records takes milliseconds that HTTP handlers can use.
    @discardableResult
    public func append(_ records: [AccessLogRecord], followed: FollowedFileOffset?) async throws -> LogAppendSummary {
        guard !closed else { throw StorageError.database("log store is closed") }
        if let followed, followed.offset < 0 {
            throw StorageError.database("negative offset \(followed.offset) for \(followed.path)")
        }
        let limit = options.maxRecordBytes
        let summary: LogAppendSummary
        do {
            summary = try await pool.write { db in
                try Self.insert(records, followed: followed, limit: limit, db)
            }
        } catch {
            logger.error("log commit failed", metadata: ["error": "\(error)"])
            if let full = StorageFull.error(error, path: path) { throw full }
            if let error = error as? StorageError { throw error }
            throw StorageError.database("commit failed: \(error)")
        }
        storedRecords += Int64(summary.stored)
        pendingFullText += Int64(summary.stored)
        recordsAppended += Int64(summary.stored)
        // An append is all or nothing: every record given was stored.
        if summary.stored > 0 && !appended.isEmpty { appended.notify(records) }
        return summary
    }

    /// The body of an append's transaction.
    private static func insert(_ records: [AccessLogRecord], followed: FollowedFileOffset?, limit: Int,
                               _ db: Database) throws -> LogAppendSummary {
        let statement = try db.cachedStatement(sql: LogRow.insertSQL)
        let correlation = try db.cachedStatement(sql: LogCorrelation.insertSQL)
        var first: Int64?
        var last: Int64 = 0
        for index in records.indices {
            // Checked inside the transaction: earlier records of the batch roll back too.
            if records[index].raw.count > limit {
                throw StorageError.database("record \(index) is \(records[index].raw.count) bytes, over the \(limit)-byte limit")
            }
            last = try LogRow.insert(records[index], statement, db)
            try LogCorrelation.insert(record: last, traceId: records[index].traceId, requestId: records[index].requestId,
                                      correlation, db)
            if first == nil { first = last }
        }
        if let followed {
            try db.cachedStatement(sql: """
                INSERT INTO followed_files (path, device, inode, offset, head_length, head_hash) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (path) DO UPDATE SET device = excluded.device, inode = excluded.inode, offset = excluded.offset,
                    head_length = excluded.head_length, head_hash = excluded.head_hash
                """).execute(arguments: [followed.path, Int64(bitPattern: followed.device), Int64(bitPattern: followed.inode),
                                         followed.offset, followed.headLength, Int64(bitPattern: followed.headHash)])
        }
        return LogAppendSummary(stored: records.count, rowIDs: first.map { $0...last })
    }

    /// The stored position of a tailed file, nil when it was never followed.
    public func followedOffset(path: String) throws -> FollowedFileOffset? {
        try reader.followedOffset(path: path)
    }

    /// Forgets a file no longer configured.
    public func forgetFollowedFile(path: String) async throws {
        guard !closed else { throw StorageError.database("log store is closed") }
        do {
            try await pool.write { db in
                try db.execute(sql: "DELETE FROM followed_files WHERE path = ?", arguments: [path])
            }
        } catch {
            throw StorageError.database("cannot forget \(path): \(error)")
        }
    }

    /// Adds up to `limit` committed records, oldest first, to the full-text index in one
    /// transaction and moves the watermark past them; returns how many were added.
    @discardableResult
    public func indexPending(limit: Int = 50_000) async throws -> Int {
        guard !closed else { throw StorageError.database("log store is closed") }
        let indexed: Int
        do {
            indexed = try await pool.write { db in try LogFullText.indexPending(limit: max(1, limit), db) }
        } catch {
            throw StorageError.database("full-text indexing failed: \(error)")
        }
        pendingFullText -= Int64(indexed)
        return indexed
    }

    /// Indexes every pending record, then runs FTS5's integrity check of the index against
    /// the records (meaningful only when nothing is pending); false when they disagree.
    public func verifyFullText() async throws -> Bool {
        guard !closed else { throw StorageError.database("log store is closed") }
        let consistent: Bool
        do {
            consistent = try await pool.write { db in
                while try LogFullText.indexPending(limit: 100_000, db) > 0 {}
                do {
                    try db.execute(sql: "INSERT INTO records_fts (records_fts, rank) VALUES ('integrity-check', 1)")
                    return true
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
                    return false
                }
            }
        } catch {
            throw StorageError.database("full-text check failed: \(error)")
        }
        pendingFullText = 0
        return consistent
    }

    /// Deletes records older than the cutoff (µs), their full-text entries, and the
    /// correlation blocks no remaining record belongs to.
    @discardableResult
    public func applyRetention(cutoffMicros: Int64) async throws -> LogRetentionSummary {
        guard !closed else { throw StorageError.database("log store is closed") }
        let deleted: (records: Int, pending: Int64)
        do {
            deleted = try await pool.write { db in
                let pending = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM records WHERE id > ? AND ts < ?",
                                                 arguments: [LogFullText.watermark(db), cutoffMicros]) ?? 0
                try LogFullText.removeIndexed(before: cutoffMicros, db)
                try db.execute(sql: "DELETE FROM records WHERE ts < ?", arguments: [cutoffMicros])
                let records = db.changesCount
                try LogCorrelation.removeStaleBlocks(db)
                return (records, pending)
            }
        } catch {
            throw StorageError.database("log retention failed: \(error)")
        }
        storedRecords -= Int64(deleted.records)
        pendingFullText -= deleted.pending
        return LogRetentionSummary(recordsDeleted: deleted.records)
    }

    public func statistics() -> LogStoreStatistics {
        LogStoreStatistics(records: storedRecords, recordsAppended: recordsAppended,
                           pendingFullText: pendingFullText, bytesOnDisk: SQLiteFile.bytesOnDisk(path: path))
    }

    /// Checkpoints the WAL into the main file (on clean shutdown).
    public func checkpoint() {
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            logger.warning("log WAL checkpoint failed", metadata: ["error": "\(error)"])
        }
    }

    /// Closes the database; later appends and reads fail.
    public func close() throws {
        closed = true
        try pool.close()
    }
}
