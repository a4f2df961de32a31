import Foundation
import GRDB
import MeshMetrics

/// A chunk being filled, and whether its row exists yet. The row (keyed by series and
/// first timestamp) is rewritten at every commit that adds samples, so an open chunk is
/// durable as soon as its samples are acknowledged; no separate write-ahead log is needed.
struct ChunkRow {
    var persisted: Bool
    var encoder: XORChunkEncoder
    var dirty: Bool

    init(persisted: Bool = false, encoder: XORChunkEncoder = XORChunkEncoder(), dirty: Bool = false) {
        self.persisted = persisted
        self.encoder = encoder
        self.dirty = dirty
    }

    /// Inserts or rewrites the row.
    mutating func persist(seriesID: Int64, in db: Database) throws {
        guard dirty, let minTime = encoder.minTime, let maxTime = encoder.maxTime else { return }
        let data = Data(encoder.bytes)
        if persisted {
            try db.cachedStatement(sql: "UPDATE chunks SET max_t = ?, data = ? WHERE series_id = ? AND min_t = ?")
                .execute(arguments: [maxTime, data, seriesID, minTime])
        } else {
            try db.cachedStatement(sql: "INSERT INTO chunks (series_id, min_t, max_t, data) VALUES (?, ?, ?, ?)")
                .execute(arguments: [seriesID, minTime, maxTime, data])
            persisted = true
        }
        dirty = false
    }
}
