import Foundation
import GRDB

/// One row per label pair holding the ascending ids of the series that carry it, as
/// delta-encoded varints (the first id absolute). About one byte per entry instead of a
/// B-tree cell per (pair, series), which is what keeps the label index small.
enum PostingsList {
    static func encode(_ ids: [Int64], after previous: Int64? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(ids.count * 2)
        var last = previous
        for id in ids {
            Varint.append(UInt64(bitPattern: last.map { id - $0 } ?? id), to: &out)
            last = id
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) -> [Int64]? {
        guard let deltas = Varint.decodeAll(bytes) else { return nil }
        var ids: [Int64] = []
        ids.reserveCapacity(deltas.count)
        var current: Int64 = 0
        for (index, delta) in deltas.enumerated() {
            current = index == 0 ? Int64(bitPattern: delta) : current &+ Int64(bitPattern: delta)
            ids.append(current)
        }
        return ids
    }

    /// How many ids a list holds: one varint each, and every varint ends in the one byte
    /// whose high bit is clear.
    static func count(_ bytes: Data) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0x80 == 0 ? 1 : 0) }
    }

    static func read(pairID: Int64, in db: Database) throws -> [Int64] {
        guard let blob = try Data.fetchOne(db.cachedStatement(sql: "SELECT series FROM postings WHERE pair_id = ?"),
                                           arguments: [pairID]) else { return [] }
        guard let ids = decode([UInt8](blob)) else {
            throw StorageError.database("postings list of label pair \(pairID) is corrupt")
        }
        return ids
    }

    /// Appends ascending `ids`, all greater than the current last id `tail`.
    static func append(_ ids: [Int64], pairID: Int64, tail: Int64?, in db: Database) throws {
        let added = encode(ids, after: tail)
        if tail == nil {
            try db.cachedStatement(sql: "INSERT INTO postings (pair_id, series) VALUES (?, ?)")
                .execute(arguments: [pairID, Data(added)])
        } else {
            let existing = try Data.fetchOne(db.cachedStatement(sql: "SELECT series FROM postings WHERE pair_id = ?"),
                                             arguments: [pairID]) ?? Data()
            try db.cachedStatement(sql: "UPDATE postings SET series = ? WHERE pair_id = ?")
                .execute(arguments: [existing + Data(added), pairID])
        }
    }

    /// Removes `ids` from one pair's list; returns the new last id, nil when the list
    /// became empty (its row is then deleted).
    static func remove(_ ids: Set<Int64>, pairID: Int64, in db: Database) throws -> Int64? {
        let remaining = try read(pairID: pairID, in: db).filter { !ids.contains($0) }
        if remaining.isEmpty {
            try db.execute(sql: "DELETE FROM postings WHERE pair_id = ?", arguments: [pairID])
            return nil
        }
        try db.execute(sql: "UPDATE postings SET series = ? WHERE pair_id = ?",
                       arguments: [Data(encode(remaining)), pairID])
        return remaining.last
    }
}
