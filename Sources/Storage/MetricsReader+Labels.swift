import Foundation
import GRDB
import MeshMetrics

/// Series, label names and label values restricted by `match[]` selectors and a time
/// range, for `/api/v1/series`, `/api/v1/labels` and `/api/v1/label/NAME/values`.
///
/// `selectors` is a union of matcher lists (each list ANDed); empty means every
/// series. A series is in [mint, maxt] when one of its chunks overlaps the range, the
/// same approximation Prometheus makes with its blocks. `Int64.min`/`Int64.max`
/// bounds skip the chunk lookups.
extension MetricsReader {
    public func series(matching selectors: [[LabelMatcher]], from mint: Int64, through maxt: Int64) throws -> [Labels] {
        try pool.read { db in
            let ids = try Self.seriesIDs(selectors, from: mint, through: maxt, in: db)
            return try SeriesLabelsLoader.labels(of: ids, in: db).values.sorted()
        }
    }

    public func labelNames(matching selectors: [[LabelMatcher]], from mint: Int64, through maxt: Int64) throws -> [String] {
        if selectors.isEmpty && Self.isUnbounded(mint, maxt) { return try labelNames() }
        return try pool.read { db in
            if selectors.isEmpty {
                // Each name needs one pair with one series in range, usually the first.
                let names = try String.fetchAll(db, sql: "SELECT DISTINCT name FROM label_pairs ORDER BY name")
                return try names.filter { name in
                    try Self.pairs(named: name, in: db).contains { try Self.anySeriesInRange($0.id, mint, maxt, in: db) }
                }
            }
            let ids = try Self.seriesIDs(selectors, from: mint, through: maxt, in: db)
            let names = try SeriesLabelsLoader.labels(of: ids, in: db).values.reduce(into: Set<String>()) { names, labels in
                names.formUnion(labels.pairs.map(\.name))
            }
            return names.sorted()
        }
    }

    public func labelValues(_ name: String, matching selectors: [[LabelMatcher]],
                            from mint: Int64, through maxt: Int64) throws -> [String] {
        if selectors.isEmpty && Self.isUnbounded(mint, maxt) { return try labelValues(name) }
        return try pool.read { db in
            if selectors.isEmpty {
                return try Self.pairs(named: name, in: db)
                    .filter { try Self.anySeriesInRange($0.id, mint, maxt, in: db) }
                    .map(\.value)
            }
            let ids = try Self.seriesIDs(selectors, from: mint, through: maxt, in: db)
            let values = try SeriesLabelsLoader.labels(of: ids, in: db).values.reduce(into: Set<String>()) { values, labels in
                if let value = labels[name] { values.insert(value) }
            }
            return values.sorted()
        }
    }

    static func isUnbounded(_ mint: Int64, _ maxt: Int64) -> Bool {
        mint == .min && maxt == .max
    }

    /// Ids of series matching any selector (all series when there is none) with data
    /// in [mint, maxt], ascending.
    private static func seriesIDs(_ selectors: [[LabelMatcher]], from mint: Int64, through maxt: Int64,
                                  in db: Database) throws -> [Int64] {
        var ids = Set<Int64>()
        if selectors.isEmpty {
            ids = Set(try Int64.fetchAll(db, sql: "SELECT id FROM series"))
        }
        for matchers in selectors {
            ids.formUnion(try PostingsResolver.seriesIDs(matching: matchers, in: db))
        }
        if isUnbounded(mint, maxt) { return ids.sorted() }
        return try ids.sorted().filter { try hasChunk(seriesID: $0, from: mint, through: maxt, in: db) }
    }

    private static func pairs(named name: String, in db: Database) throws -> [(id: Int64, value: String)] {
        try Row.fetchAll(db, sql: "SELECT id, value FROM label_pairs WHERE name = ? ORDER BY value", arguments: [name])
            .map { (id: $0[0], value: $0[1]) }
    }

    private static func anySeriesInRange(_ pairID: Int64, _ mint: Int64, _ maxt: Int64, in db: Database) throws -> Bool {
        try PostingsList.read(pairID: pairID, in: db).contains { try hasChunk(seriesID: $0, from: mint, through: maxt, in: db) }
    }

    /// One indexed probe: chunks are keyed by (series, min_t) and span less than
    /// `ChunkLimits.maxSpanMilliseconds`, as in `ChunkReader`.
    static func hasChunk(seriesID: Int64, from mint: Int64, through maxt: Int64, in db: Database) throws -> Bool {
        let (earliest, overflow) = mint.subtractingReportingOverflow(ChunkLimits.maxSpanMilliseconds)
        let statement = try db.cachedStatement(sql: """
            SELECT 1 FROM chunks WHERE series_id = ? AND min_t >= ? AND min_t <= ? AND max_t >= ? LIMIT 1
            """)
        return try Int.fetchOne(statement, arguments: [seriesID, overflow ? Int64.min : earliest, maxt, mint]) != nil
    }
}
