import Foundation
import GRDB
import MeshMetrics

/// Materialises label sets of series ids from `series.pairs` and `label_pairs`, in two
/// statements whatever the number of series (the ids travel as one JSON array
/// parameter, expanded by SQLite's `json_each`).
enum SeriesLabelsLoader {
    static func labels(of ids: [Int64], in db: Database) throws -> [Int64: Labels] {
        guard !ids.isEmpty else { return [:] }
        var pairLists: [Int64: [Int64]] = [:]
        pairLists.reserveCapacity(ids.count)
        var neededPairs = Set<Int64>()
        let seriesRows = try Row.fetchCursor(db, sql: """
            SELECT id, pairs FROM series WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [IDList.json(ids)])
        while let row = try seriesRows.next() {
            guard let pairIDs = Varint.decodeAll([UInt8](row[1] as Data? ?? Data())) else { continue }
            let list = pairIDs.map { Int64(bitPattern: $0) }
            pairLists[row[0]] = list
            neededPairs.formUnion(list)
        }
        var pairs: [Int64: Label] = [:]
        pairs.reserveCapacity(neededPairs.count)
        let pairRows = try Row.fetchCursor(db, sql: """
            SELECT id, name, value FROM label_pairs WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [IDList.json(Array(neededPairs))])
        while let row = try pairRows.next() {
            pairs[row[0]] = Label(row[1], row[2])
        }
        return pairLists.mapValues { list in Labels(list.compactMap { pairs[$0] }) }
    }
}

/// Integer ids as one bound parameter: a JSON array that `json_each` expands, so a
/// statement stays parameterized (and prepared once) for any number of ids.
enum IDList {
    static func json(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
