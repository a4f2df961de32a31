import Foundation
import GRDB
import MeshMetrics

/// The writer's in-memory view of every series and label pair, with the rows created
/// since the last commit. Owned by exactly one writer; not shared across threads.
final class SeriesRegistry {
    private var pairIDs: [Label: Int64] = [:]
    private var pairsByID: [Int64: Label] = [:]
    private var seriesByHash: [UInt64: [(id: Int64, labels: Labels)]] = [:]
    private(set) var labelsByID: [Int64: Labels] = [:]
    private var nextPairID: Int64 = 1
    private var nextSeriesID: Int64 = 1
    private var pendingPairs: [(id: Int64, label: Label)] = []
    private var pendingSeries: [(id: Int64, pairIDs: [Int64])] = []
    /// Last series id of every pair's postings list, to delta-encode appends.
    private var postingsTail: [Int64: Int64] = [:]
    private var pendingTails: [Int64: Int64] = [:]
    /// Series per `__name__`, for `limits.max_series_per_metric`: one counter per metric
    /// name, kept in step with `labelsByID`.
    private(set) var seriesPerName: [String: Int] = [:]

    var seriesCount: Int { labelsByID.count }
    var allSeriesIDs: Dictionary<Int64, Labels>.Keys { labelsByID.keys }

    static func load(_ db: Database) throws -> SeriesRegistry {
        let registry = SeriesRegistry()
        let pairRows = try Row.fetchCursor(db, sql: "SELECT id, name, value FROM label_pairs")
        while let row = try pairRows.next() {
            let label = Label(row[1], row[2])
            let id: Int64 = row[0]
            registry.pairIDs[label] = id
            registry.pairsByID[id] = label
            registry.nextPairID = max(registry.nextPairID, id + 1)
        }
        let postingRows = try Row.fetchCursor(db, sql: "SELECT pair_id, series FROM postings")
        while let row = try postingRows.next() {
            let pairID: Int64 = row[0]
            guard let ids = PostingsList.decode([UInt8](row[1] as Data? ?? Data())) else {
                throw StorageError.database("postings list of label pair \(pairID) is corrupt")
            }
            registry.postingsTail[pairID] = ids.last
        }
        let seriesRows = try Row.fetchCursor(db, sql: "SELECT id, pairs FROM series")
        while let row = try seriesRows.next() {
            let id: Int64 = row[0]
            let blob = [UInt8](row[1] as Data? ?? Data())
            guard let ids = Varint.decodeAll(blob) else {
                throw StorageError.database("series \(id) has a corrupt label list")
            }
            let labels = Labels(try ids.map { pairID in
                guard let label = registry.pairsByID[Int64(bitPattern: pairID)] else {
                    throw StorageError.database("series \(id) refers to missing label pair \(pairID)")
                }
                return label
            })
            registry.insertInMemory(id: id, labels: labels)
            registry.nextSeriesID = max(registry.nextSeriesID, id + 1)
        }
        return registry
    }

    func id(of labels: Labels) -> Int64? {
        seriesByHash[labels.stableHash]?.first { $0.labels == labels }?.id
    }

    /// The series id for `labels`, creating the series (pending until `flush`) if new.
    func lookupOrCreate(_ labels: Labels) -> (id: Int64, created: Bool) {
        let hash = labels.stableHash
        if let existing = seriesByHash[hash]?.first(where: { $0.labels == labels }) {
            return (existing.id, false)
        }
        let id = nextSeriesID
        nextSeriesID += 1
        let ids = labels.pairs.map(pairID)
        pendingSeries.append((id, ids))
        insertInMemory(id: id, labels: labels)
        return (id, true)
    }

    /// Writes the pairs and series created since the last flush.
    func flush(_ db: Database) throws {
        let pairStatement = try db.cachedStatement(sql: "INSERT INTO label_pairs (id, name, value) VALUES (?, ?, ?)")
        for (id, label) in pendingPairs {
            try pairStatement.execute(arguments: [id, label.name, label.value])
        }
        let seriesStatement = try db.cachedStatement(sql: "INSERT INTO series (id, pairs) VALUES (?, ?)")
        var added: [Int64: [Int64]] = [:]
        for (id, pairIDs) in pendingSeries {
            var blob: [UInt8] = []
            for pairID in pairIDs { Varint.append(UInt64(pairID), to: &blob) }
            try seriesStatement.execute(arguments: [id, Data(blob)])
            for pairID in pairIDs { added[pairID, default: []].append(id) }
        }
        // Series ids only grow, so every list is extended at its end.
        for (pairID, ids) in added {
            try PostingsList.append(ids, pairID: pairID, tail: postingsTail[pairID], in: db)
            pendingTails[pairID] = ids.last
        }
    }

    /// Makes the flushed rows permanent in memory.
    func commitPending() {
        postingsTail.merge(pendingTails) { $1 }
        pendingTails.removeAll(keepingCapacity: true)
        pendingPairs.removeAll(keepingCapacity: true)
        pendingSeries.removeAll(keepingCapacity: true)
    }

    /// Forgets everything created since the last commit (the transaction failed).
    func rollbackPending() {
        pendingTails.removeAll()
        for (id, _) in pendingSeries {
            guard let labels = labelsByID.removeValue(forKey: id) else { continue }
            seriesByHash[labels.stableHash]?.removeAll { $0.id == id }
            countName(of: labels, by: -1)
        }
        for (id, label) in pendingPairs {
            pairIDs[label] = nil
            pairsByID[id] = nil
        }
        pendingSeries.removeAll()
        pendingPairs.removeAll()
    }

    /// Drops series that retention emptied; their pairs stay until `pruneOrphanPairs`.
    func forget(seriesIDs: [Int64]) {
        for id in seriesIDs {
            guard let labels = labelsByID.removeValue(forKey: id) else { continue }
            seriesByHash[labels.stableHash]?.removeAll { $0.id == id }
            countName(of: labels, by: -1)
        }
    }

    /// Retention rewrote these postings lists: their new last ids (nil = list gone).
    func updateTails(_ tails: [Int64: Int64?]) {
        for (pairID, tail) in tails { postingsTail[pairID] = tail }
    }

    func forget(pairIDs removed: [Int64]) {
        for id in removed {
            if let label = pairsByID.removeValue(forKey: id) { pairIDs[label] = nil }
        }
    }

    private func pairID(_ label: Label) -> Int64 {
        if let id = pairIDs[label] { return id }
        let id = nextPairID
        nextPairID += 1
        pairIDs[label] = id
        pairsByID[id] = label
        pendingPairs.append((id, label))
        return id
    }

    private func insertInMemory(id: Int64, labels: Labels) {
        labelsByID[id] = labels
        seriesByHash[labels.stableHash, default: []].append((id, labels))
        countName(of: labels, by: 1)
    }

    private func countName(of labels: Labels, by delta: Int) {
        let name = labels.metricName ?? ""
        let count = seriesPerName[name, default: 0] + delta
        seriesPerName[name] = count > 0 ? count : nil
    }
}
