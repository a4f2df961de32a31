import Foundation
import GRDB
import MeshMetrics

/// Decodes the chunks of one series over a time range. Chunks written by a backfill may
/// overlap live ones; overlapping samples are merged by timestamp, first one kept.
enum ChunkReader {
    static func samples(seriesID: Int64, from mint: Int64, through maxt: Int64, in db: Database) throws -> [Sample] {
        let statement = try db.cachedStatement(sql: """
            SELECT min_t, min_t, max_t, data FROM chunks
            WHERE series_id = ? AND min_t >= ? AND min_t <= ? AND max_t >= ? ORDER BY min_t
            """)
        var samples: [Sample] = []
        var overlapping = false
        var previousMax = Int64.min
        // A chunk spans less than ChunkLimits.maxSpanMilliseconds, so one starting earlier
        // than that before mint cannot overlap the range.
        let (earliest, overflow) = mint.subtractingReportingOverflow(ChunkLimits.maxSpanMilliseconds)
        let rows = try Row.fetchCursor(statement, arguments: [seriesID, overflow ? Int64.min : earliest, maxt, mint])
        while let row = try rows.next() {
            let minT: Int64 = row[1]
            if minT <= previousMax { overlapping = true }
            previousMax = max(previousMax, row[2] as Int64)
            let data: Data = row[3]
            do {
                for sample in try XORChunkDecoder.decodeAll([UInt8](data)) where sample.timestamp >= mint && sample.timestamp <= maxt {
                    samples.append(sample)
                }
            } catch {
                throw StorageError.corruptChunk(seriesID: seriesID, chunkStart: row[0], reason: "\(error)")
            }
        }
        guard overlapping else { return samples }
        samples.sort { $0.timestamp < $1.timestamp }  // stable: the earlier chunk wins ties
        var merged: [Sample] = []
        merged.reserveCapacity(samples.count)
        for sample in samples where merged.last?.timestamp != sample.timestamp {
            merged.append(sample)
        }
        return merged
    }

    /// The samples of many series in [mint, maxt] in one statement, series in ascending
    /// id order; `each` receives every series that has samples, as soon as it is read.
    static func samples(seriesIDs ids: [Int64], from mint: Int64, through maxt: Int64, in db: Database,
                        each: (_ seriesID: Int64, _ samples: [Sample]) throws -> Void) throws {
        guard !ids.isEmpty else { return }
        let (earliest, overflow) = mint.subtractingReportingOverflow(ChunkLimits.maxSpanMilliseconds)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT series_id, min_t, max_t, data FROM chunks
            WHERE series_id IN (SELECT value FROM json_each(?)) AND min_t >= ? AND min_t <= ? AND max_t >= ?
            ORDER BY series_id, min_t
            """, arguments: [IDList.json(ids), overflow ? Int64.min : earliest, maxt, mint])
        var current: Int64?
        var samples: [Sample] = []
        var overlapping = false
        var previousMax = Int64.min
        func flush() throws {
            guard let id = current else { return }
            if overlapping { samples = merged(samples) }
            try each(id, samples)
        }
        while let row = try rows.next() {
            let seriesID: Int64 = row[0]
            if seriesID != current {
                try flush()
                current = seriesID
                samples = []
                overlapping = false
                previousMax = Int64.min
            }
            let minT: Int64 = row[1]
            if minT <= previousMax { overlapping = true }
            previousMax = max(previousMax, row[2] as Int64)
            let data: Data = row[3]
            do {
                for sample in try XORChunkDecoder.decodeAll([UInt8](data)) where sample.timestamp >= mint && sample.timestamp <= maxt {
                    samples.append(sample)
                }
            } catch {
                throw StorageError.corruptChunk(seriesID: seriesID, chunkStart: minT, reason: "\(error)")
            }
        }
        try flush()
    }

    /// Samples of overlapping chunks sorted by time, the first of equal timestamps kept.
    private static func merged(_ samples: [Sample]) -> [Sample] {
        var sorted = samples
        sorted.sort { $0.timestamp < $1.timestamp }  // stable: the earlier chunk wins ties
        var out: [Sample] = []
        out.reserveCapacity(sorted.count)
        for sample in sorted where out.last?.timestamp != sample.timestamp {
            out.append(sample)
        }
        return out
    }
}
