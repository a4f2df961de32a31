import Foundation
import GRDB
import Logging
import MeshMetrics

/// The metrics database (`metrics.db`): one writer, serialised by this actor, and any
/// number of concurrent readers through `reader`. A batch is acknowledged only after
/// its transaction has committed.
public actor MetricsStore {
    public nonisolated let reader: MetricsReader
    public nonisolated let path: String
    private let pool: DatabasePool
    let writer: HeadWriter
    private let logger: Logger
    private var samplesAppended: Int64 = 0
    /// `limits.max_series_per_metric` (0 = none) and the appends it refused; see `+SeriesLimit`.
    var maxSeriesPerMetric = 0
    var seriesLimitRejectionCount = 0
    /// Told the entries each commit stored (not duplicates, conflicts or out-of-order ones).
    public nonisolated let appended = AppendObservers<[AppendBatch.Entry]>()

    public static let fileName = "metrics.db"

    /// `maxBytes` (0: no limit) caps metrics.db; past it commits fail with `StorageError.full`.
    public init(directory: String, durability: Durability = .normal, logger: Logger = Logger(label: "meshscope.storage"),
                maxBytes: Int = 0) throws {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        let loaded: HeadWriter
        do {
            // 16 KiB pages hold ~64 chunk rows each, so the slack SQLite leaves per page
            // costs a few percent of the file instead of a tenth.
            pool = try SQLiteFile.openPool(path: path, durability: durability, pageSize: 16384, maxBytes: maxBytes)
            try MetricsSchema.migrator.migrate(pool)
            loaded = try pool.read { db in try HeadWriter.load(db) }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError.database("cannot open \(path): \(error)")
        }
        writer = loaded
        reader = MetricsReader(pool: pool)
        self.logger = logger
        logger.info("metrics store opened", metadata: [
            "path": "\(path)", "series": "\(loaded.registry.seriesCount)", "chunks": "\(loaded.chunkCount)",
        ])
    }

    /// Appends and commits one batch; returns only once it is durable.
    @discardableResult
    public func append(_ batch: AppendBatch) throws -> AppendSummary {
        try checkSeriesLimit(batch)
        var summary = AppendSummary()
        let observed = !appended.isEmpty
        var stored: [AppendBatch.Entry] = []
        for entry in batch.entries {
            let before = summary.appended
            writer.append(entry, into: &summary)
            if observed && summary.appended > before { stored.append(entry) }
        }
        for (family, metadata) in batch.metadata {
            writer.stage(metadata: family, metadata)
        }
        do {
            try pool.write { db in try writer.persistStaged(db) }
        } catch {
            writer.didRollback()
            logger.error("metrics commit failed", metadata: ["error": "\(error)"])
            if let full = StorageFull.error(error, path: path) { throw full }
            throw StorageError.database("commit failed: \(error)")
        }
        writer.didCommit()
        samplesAppended += Int64(summary.appended)
        if observed && !stored.isEmpty { appended.notify(stored) }
        return summary
    }

    /// Deletes whole chunks whose newest sample is older than `cutoff` (ms), then the
    /// series and label pairs left without data.
    @discardableResult
    public func applyRetention(cutoff: Int64) throws -> RetentionSummary {
        var summary = RetentionSummary()
        var tails: [Int64: Int64?] = [:]
        do {
            try pool.write { db in
                let seriesIDs = try Int64.fetchAll(db, sql: "SELECT id FROM series")
                let deleteChunks = try db.cachedStatement(sql: """
                    DELETE FROM chunks WHERE series_id = ? AND min_t < ? AND max_t < ?
                    """)
                for id in seriesIDs {
                    try deleteChunks.execute(arguments: [id, cutoff, cutoff])
                    summary.chunksDeleted += db.changesCount
                }
                var removedByPair: [Int64: Set<Int64>] = [:]
                let emptied = try Row.fetchAll(db, sql: """
                    DELETE FROM series WHERE NOT EXISTS (SELECT 1 FROM chunks WHERE chunks.series_id = series.id)
                    RETURNING id, pairs
                    """)
                for row in emptied {
                    let id: Int64 = row[0]
                    summary.emptySeries.append(id)
                    for pairID in Varint.decodeAll([UInt8](row[1] as Data? ?? Data())) ?? [] {
                        removedByPair[Int64(bitPattern: pairID), default: []].insert(id)
                    }
                    try db.execute(sql: "DELETE FROM exemplars WHERE series_id = ?", arguments: [id])
                }
                for (pairID, ids) in removedByPair {
                    tails[pairID] = .some(try PostingsList.remove(ids, pairID: pairID, in: db))
                }
                summary.orphanPairs = try Int64.fetchAll(db, sql: """
                    DELETE FROM label_pairs WHERE NOT EXISTS (SELECT 1 FROM postings WHERE postings.pair_id = label_pairs.id)
                    RETURNING id
                    """)
                try db.execute(sql: "DELETE FROM exemplars WHERE t < ?", arguments: [cutoff])
            }
        } catch {
            throw StorageError.database("retention failed: \(error)")
        }
        writer.dropChunks(endingBefore: cutoff, deleted: summary.chunksDeleted)
        writer.forget(seriesIDs: summary.emptySeries)
        writer.registry.updateTails(tails)
        writer.registry.forget(pairIDs: summary.orphanPairs)
        if summary.chunksDeleted > 0 {
            logger.info("retention applied", metadata: [
                "chunks": "\(summary.chunksDeleted)", "series": "\(summary.emptySeries.count)",
            ])
        }
        return summary
    }

    public func statistics() -> StoreStatistics {
        StoreStatistics(
            series: writer.registry.seriesCount,
            chunks: writer.chunkCount,
            samplesAppended: samplesAppended,
            bytesOnDisk: SQLiteFile.bytesOnDisk(path: path))
    }

    public func metadata() -> [String: MetricMetadata] {
        writer.metadataSnapshot
    }

    /// Checkpoints the WAL into the main file (on clean shutdown).
    public func checkpoint() {
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            logger.warning("WAL checkpoint failed", metadata: ["error": "\(error)"])
        }
    }
}

public struct RetentionSummary: Sendable {
    public var chunksDeleted = 0
    public var emptySeries: [Int64] = []
    public var orphanPairs: [Int64] = []
}

public struct StoreStatistics: Sendable {
    public var series: Int
    public var chunks: Int
    public var samplesAppended: Int64
    public var bytesOnDisk: Int64
}
