import Foundation
import GRDB

extension MetricsReader {
    /// The top `limit` entries of each cardinality list, counted from the postings (one
    /// row per label pair, one varint per series) without decoding any chunk.
    public func cardinality(limit: Int) throws -> StoreCardinality {
        try pool.read { db in
            var result = StoreCardinality()
            var byMetric: [StoreCardinality.Entry] = []
            var byPair: [StoreCardinality.Entry] = []
            var valuesPerName: [String: Int] = [:]
            var bytesPerName: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT label_pairs.name, label_pairs.value, postings.series
                FROM label_pairs JOIN postings ON postings.pair_id = label_pairs.id
                """)
            while let row = try rows.next() {
                let name: String = row[0]
                let value: String = row[1]
                let series = PostingsList.count(row[2] as Data)
                guard series > 0 else { continue }
                result.labelPairCount += 1
                valuesPerName[name, default: 0] += 1
                bytesPerName[name, default: 0] += value.utf8.count * series
                if name == "__name__" { byMetric.append(.init(value, series)) }
                byPair.append(.init(name + "=" + value, series))
            }
            result.seriesCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM series") ?? 0
            // One primary-key seek per series for its first and last chunk: min(min_t) over
            // the whole table would read every chunk.
            let range = try Row.fetchOne(db, sql: """
                SELECT min((SELECT min_t FROM chunks WHERE series_id = series.id ORDER BY min_t LIMIT 1)),
                       max((SELECT max_t FROM chunks WHERE series_id = series.id ORDER BY min_t DESC LIMIT 1))
                FROM series
                """)
            result.minTime = range?[0]
            result.maxTime = range?[1]
            result.seriesCountByMetricName = Self.top(byMetric, limit)
            result.seriesCountByLabelValuePair = Self.top(byPair, limit)
            result.labelValueCountByLabelName = Self.top(valuesPerName.map { .init($0.key, $0.value) }, limit)
            result.memoryInBytesByLabelName = Self.top(bytesPerName.map { .init($0.key, $0.value) }, limit)
            return result
        }
    }

    /// Largest first, ties by name, so answers are stable.
    private static func top(_ entries: [StoreCardinality.Entry], _ limit: Int) -> [StoreCardinality.Entry] {
        Array(entries.sorted { ($0.value, $1.name) > ($1.value, $0.name) }.prefix(limit))
    }
}
