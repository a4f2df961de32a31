import Foundation
import GRDB
import MeshMetrics

/// Materialises label sets of series ids from `series.pairs` and `label_pairs`.
enum SeriesLabelsLoader {
    static func labels(of ids: [Int64], in db: Database) throws -> [Int64: Labels] {
        var pairLists: [Int64: [Int64]] = [:]
        var neededPairs = Set<Int64>()
        let seriesStatement = try db.cachedStatement(sql: "SELECT pairs FROM series WHERE id = ?")
        for id in ids {
            guard let blob = try Data.fetchOne(seriesStatement, arguments: [id]),
                  let pairIDs = Varint.decodeAll([UInt8](blob)) else { continue }
            let list = pairIDs.map { Int64(bitPattern: $0) }
            pairLists[id] = list
            neededPairs.formUnion(list)
        }
        var pairs: [Int64: Label] = [:]
        let pairStatement = try db.cachedStatement(sql: "SELECT name, value FROM label_pairs WHERE id = ?")
        for pairID in neededPairs {
            if let row = try Row.fetchOne(pairStatement, arguments: [pairID]) {
                pairs[pairID] = Label(row[0], row[1])
            }
        }
        return pairLists.mapValues { list in Labels(list.compactMap { pairs[$0] }) }
    }
}
