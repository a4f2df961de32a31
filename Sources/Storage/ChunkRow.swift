import Foundation
import GRDB
import MeshMetrics

/// A chunk being filled, with the row it is persisted in once it has been committed.
/// The row is rewritten at every commit that adds samples, so an open chunk is durable
/// as soon as its samples are acknowledged; no separate write-ahead log is needed.
struct ChunkRow {
    var rowID: Int64?
    var encoder: XORChunkEncoder
    var dirty: Bool

    init(rowID: Int64? = nil, encoder: XORChunkEncoder = XORChunkEncoder(), dirty: Bool = false) {
        self.rowID = rowID
        self.encoder = encoder
        self.dirty = dirty
    }

    /// Inserts or rewrites the row; returns the row id.
    mutating func persist(seriesID: Int64, in db: Database) throws {
        guard dirty, let minTime = encoder.minTime, let maxTime = encoder.maxTime else { return }
        let data = Data(encoder.bytes)
        if let rowID {
            try db.cachedStatement(sql: "UPDATE chunks SET min_t = ?, max_t = ?, data = ? WHERE id = ?")
                .execute(arguments: [minTime, maxTime, data, rowID])
        } else {
            try db.cachedStatement(sql: "INSERT INTO chunks (series_id, min_t, max_t, data) VALUES (?, ?, ?, ?)")
                .execute(arguments: [seriesID, minTime, maxTime, data])
            rowID = db.lastInsertedRowID
        }
        dirty = false
    }
}
