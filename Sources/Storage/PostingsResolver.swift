import Foundation
import GRDB
import MeshMetrics

/// Turns label matchers into series ids through the inverted index, with Prometheus'
/// semantics: matchers that also match the empty string (`a=""`, `a!="x"`, `a=~".*"`)
/// select series without the label too, so they act as exclusions, never as the source.
enum PostingsResolver {
    static func seriesIDs(matching matchers: [LabelMatcher], in db: Database) throws -> [Int64] {
        var selected: Set<Int64>?
        for matcher in matchers where !matcher.matchesEmpty {
            let ids = try postings(ofPairs: pairIDs(of: matcher.name, where: matcher.matches, exact: matcher.exactValue, in: db), in: db)
            selected = selected.map { $0.intersection(ids) } ?? ids
            if selected?.isEmpty == true { return [] }
        }
        var result = try selected ?? Set(Int64.fetchAll(db, sql: "SELECT id FROM series"))
        for matcher in matchers where matcher.matchesEmpty {
            // Series carrying a value of this label that the matcher rejects.
            let rejected = try pairIDs(of: matcher.name, where: { !matcher.matches($0) }, exact: nil, in: db)
            result.subtract(try postings(ofPairs: rejected, in: db))
        }
        return result.sorted()
    }

    private static func pairIDs(of name: String, where accepts: (String) -> Bool, exact: String?, in db: Database) throws -> [Int64] {
        if let exact {
            return try Int64.fetchAll(db, sql: "SELECT id FROM label_pairs WHERE name = ? AND value = ?", arguments: [name, exact])
        }
        var ids: [Int64] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, value FROM label_pairs WHERE name = ?", arguments: [name])
        while let row = try rows.next() {
            if accepts(row[1]) { ids.append(row[0]) }
        }
        return ids
    }

    /// The union of the pairs' postings lists, read in one statement (a regex matcher
    /// can select hundreds of pairs).
    private static func postings(ofPairs pairIDs: [Int64], in db: Database) throws -> Set<Int64> {
        var ids = Set<Int64>()
        if pairIDs.count == 1 { return Set(try PostingsList.read(pairID: pairIDs[0], in: db)) }
        guard !pairIDs.isEmpty else { return ids }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT pair_id, series FROM postings WHERE pair_id IN (SELECT value FROM json_each(?))
            """, arguments: [IDList.json(pairIDs)])
        while let row = try rows.next() {
            guard let list = PostingsList.decode([UInt8](row[1] as Data? ?? Data())) else {
                throw StorageError.database("postings list of label pair \(row[0] as Int64) is corrupt")
            }
            ids.formUnion(list)
        }
        return ids
    }
}

extension LabelMatcher {
    /// The single value an `=` matcher selects, for an index point lookup.
    var exactValue: String? { kind == .equal ? value : nil }
}
