import Foundation
import GRDB
import MeshMetrics

/// The live writer: the open chunk of every series and what changed since the last
/// commit. Appends are staged; `commit` persists them in the caller's transaction, and
/// only `didCommit` makes them the new state, so a failed transaction leaves nothing
/// half-applied in memory. Owned by `MetricsStore` (an actor); never shared.
final class HeadWriter {
    /// What the writer knows of one series: its last sample and the chunk being filled.
    struct SeriesHead {
        var lastSample: Sample?
        var chunk: ChunkRow?
    }

    let registry: SeriesRegistry
    private var heads: [Int64: SeriesHead] = [:]
    private var staged: [Int64: SeriesHead] = [:]
    private var sealed: [(seriesID: Int64, chunk: ChunkRow)] = []
    private var metadata: [String: MetricMetadata] = [:]
    private var stagedMetadata: [String: MetricMetadata] = [:]
    private var stagedExemplars: [(seriesID: Int64, exemplar: Exemplar, raw: Exemplar)] = []
    private var lastExemplar: [Int64: Exemplar] = [:]
    private(set) var chunkCount = 0
    private var stagedNewChunks = 0

    private init(registry: SeriesRegistry) {
        self.registry = registry
    }

    /// Rebuilds the head from disk: every series, the latest chunk of each (resumed if
    /// it still has room), and the stored metadata.
    static func load(_ db: Database) throws -> HeadWriter {
        let writer = HeadWriter(registry: try SeriesRegistry.load(db))
        let latest = try Row.fetchCursor(db, sql: """
            SELECT min_t, series_id, data, MAX(max_t) FROM chunks GROUP BY series_id
            """)  // SQLite takes the bare columns from the row holding the MAX
        while let row = try latest.next() {
            let chunkStart: Int64 = row[0]
            let seriesID: Int64 = row[1]
            let bytes = [UInt8](row[2] as Data? ?? Data())
            let encoder: XORChunkEncoder
            do {
                encoder = try XORChunkEncoder(resuming: bytes)
            } catch {
                throw StorageError.corruptChunk(seriesID: seriesID, chunkStart: chunkStart, reason: "\(error)")
            }
            var head = writer.heads[seriesID] ?? SeriesHead()
            head.lastSample = encoder.lastSample
            let roomLeft = encoder.count < ChunkLimits.maxSamples
            head.chunk = roomLeft ? ChunkRow(persisted: true, encoder: encoder) : nil
            writer.heads[seriesID] = head
        }
        writer.chunkCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM chunks") ?? 0
        for row in try Row.fetchAll(db, sql: "SELECT family, type, help, unit FROM metadata") {
            writer.metadata[row[0]] = MetricMetadata(
                type: MetricType(rawValue: row[1]) ?? .unknown, help: row[2], unit: row[3])
        }
        return writer
    }

    func append(_ entry: AppendBatch.Entry, into summary: inout AppendSummary) {
        let (seriesID, created) = registry.lookupOrCreate(entry.labels)
        if created { summary.newSeries += 1 }
        let sample = entry.sample
        var head = staged[seriesID] ?? heads[seriesID] ?? SeriesHead()
        if let last = head.lastSample, sample.timestamp <= last.timestamp {
            if sample.timestamp < last.timestamp {
                summary.outOfOrder += 1
            } else if sample.value.bitPattern == last.value.bitPattern {
                summary.duplicates += 1
            } else {
                summary.conflicts += 1
            }
            return
        }
        var chunk = head.chunk ?? ChunkRow()
        if ChunkLimits.isFull(count: chunk.encoder.count, minTime: chunk.encoder.minTime, next: sample.timestamp) {
            sealed.append((seriesID, chunk))
            chunk = ChunkRow()
        }
        if !chunk.persisted && chunk.encoder.count == 0 { stagedNewChunks += 1 }
        // Cannot fail: the timestamp was checked against the last sample above.
        try? chunk.encoder.append(timestamp: sample.timestamp, value: sample.value)
        chunk.dirty = true
        head.chunk = chunk
        head.lastSample = sample
        staged[seriesID] = head
        summary.appended += 1
        // Targets repeat their last exemplar on every scrape: store it once.
        if let raw = entry.exemplar, lastExemplar[seriesID] != raw {
            var exemplar = raw
            // An exemplar without its own timestamp belongs to its sample's moment.
            exemplar.timestamp = raw.timestamp ?? sample.timestamp
            stagedExemplars.append((seriesID, exemplar, raw))
        }
    }

    func stage(metadata family: String, _ value: MetricMetadata) {
        guard (stagedMetadata[family] ?? metadata[family]) != value else { return }
        stagedMetadata[family] = value
    }

    /// Persists everything staged, inside the caller's transaction.
    func persistStaged(_ db: Database) throws {
        try registry.flush(db)
        for index in sealed.indices {
            try sealed[index].chunk.persist(seriesID: sealed[index].seriesID, in: db)
        }
        // In key order, so new rows land in B-tree order instead of splitting pages.
        for seriesID in staged.keys.sorted() {
            try staged[seriesID]?.chunk?.persist(seriesID: seriesID, in: db)
        }
        let metadataStatement = try db.cachedStatement(sql: """
            INSERT INTO metadata (family, type, help, unit) VALUES (?, ?, ?, ?)
            ON CONFLICT (family) DO UPDATE SET type = excluded.type, help = excluded.help, unit = excluded.unit
            """)
        for (family, value) in stagedMetadata {
            try metadataStatement.execute(arguments: [family, value.type.rawValue, value.help, value.unit])
        }
        let exemplarStatement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO exemplars (series_id, t, value, labels) VALUES (?, ?, ?, ?)
            """)
        for (seriesID, exemplar, _) in stagedExemplars {
            try exemplarStatement.execute(arguments: [
                seriesID, exemplar.timestamp ?? 0, Int64(bitPattern: exemplar.value.bitPattern),
                ExemplarLabels.encode(exemplar.labels),
            ])
        }
    }

    /// The transaction committed: staged state becomes the head.
    func didCommit() {
        registry.commitPending()
        for (seriesID, head) in staged { heads[seriesID] = head }
        for (family, value) in stagedMetadata { metadata[family] = value }
        for (seriesID, _, raw) in stagedExemplars { lastExemplar[seriesID] = raw }
        chunkCount += stagedNewChunks
        clearStaged()
    }

    /// The transaction failed: forget everything staged.
    func didRollback() {
        registry.rollbackPending()
        clearStaged()
    }

    var metadataSnapshot: [String: MetricMetadata] { metadata }

    /// After retention deleted rows: drop heads whose chunk is gone.
    func forget(seriesIDs: [Int64]) {
        registry.forget(seriesIDs: seriesIDs)
        for id in seriesIDs {
            heads[id] = nil
            lastExemplar[id] = nil
        }
    }

    func dropChunks(endingBefore cutoff: Int64, deleted: Int) {
        chunkCount -= deleted
        for (id, head) in heads {
            if let maxTime = head.chunk?.encoder.maxTime, maxTime < cutoff {
                heads[id]?.chunk = nil
            }
        }
    }

    private func clearStaged() {
        staged.removeAll(keepingCapacity: true)
        sealed.removeAll(keepingCapacity: true)
        stagedMetadata.removeAll()
        stagedExemplars.removeAll()
        stagedNewChunks = 0
    }
}
