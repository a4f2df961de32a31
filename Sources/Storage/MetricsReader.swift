import Foundation
import GRDB
import MeshMetrics

/// Read access to committed metrics. Readers run concurrently with the writer (WAL) and
/// see only committed data; open chunks are committed rows too, so nothing is missed.
public struct MetricsReader: Sendable {
    let pool: DatabasePool

    /// Series matching all matchers, with their samples in [mint, maxt] (ms, inclusive).
    public func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) throws -> [StoredSeries] {
        try pool.read { db in
            let ids = try PostingsResolver.seriesIDs(matching: matchers, in: db)
            let labels = try SeriesLabelsLoader.labels(of: ids, in: db)
            var out: [StoredSeries] = []
            try ChunkReader.samples(seriesIDs: ids, from: mint, through: maxt, in: db) { id, samples in
                if let seriesLabels = labels[id], !samples.isEmpty {
                    out.append(StoredSeries(id: id, labels: seriesLabels, samples: samples))
                }
            }
            return out
        }
    }

    /// For each matching series, the newest sample in (t - lookback, t], skipping series
    /// whose newest sample is a staleness marker: Prometheus' instant-vector rule.
    public func latest(_ matchers: [LabelMatcher], at t: Int64, lookback: Int64) throws -> [(labels: Labels, sample: Sample)] {
        try pool.read { db in
            let ids = try PostingsResolver.seriesIDs(matching: matchers, in: db)
            let labels = try SeriesLabelsLoader.labels(of: ids, in: db)
            var out: [(labels: Labels, sample: Sample)] = []
            for id in ids {
                guard let seriesLabels = labels[id],
                      let sample = try ChunkReader.samples(seriesID: id, from: t - lookback + 1, through: t, in: db).last,
                      !sample.value.isStaleMarker
                else { continue }
                out.append((seriesLabels, sample))
            }
            return out
        }
    }

    /// Labels of every series matching the matchers (no sample decoding).
    public func series(_ matchers: [LabelMatcher]) throws -> [Labels] {
        try pool.read { db in
            let ids = try PostingsResolver.seriesIDs(matching: matchers, in: db)
            return try SeriesLabelsLoader.labels(of: ids, in: db).values.sorted()
        }
    }

    public func labelNames() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT name FROM label_pairs ORDER BY name")
        }
    }

    public func labelValues(_ name: String) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT value FROM label_pairs WHERE name = ? ORDER BY value", arguments: [name])
        }
    }

    public func metadata() throws -> [String: MetricMetadata] {
        try pool.read { db in
            var out: [String: MetricMetadata] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT family, type, help, unit FROM metadata") {
                out[row[0]] = MetricMetadata(type: MetricType(rawValue: row[1]) ?? .unknown, help: row[2], unit: row[3])
            }
            return out
        }
    }

    /// Exemplars of matching series in [mint, maxt].
    public func exemplars(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) throws -> [(labels: Labels, exemplars: [Exemplar])] {
        try pool.read { db in
            let ids = try PostingsResolver.seriesIDs(matching: matchers, in: db)
            let labels = try SeriesLabelsLoader.labels(of: ids, in: db)
            var out: [(labels: Labels, exemplars: [Exemplar])] = []
            for id in ids {
                guard let seriesLabels = labels[id] else { continue }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT t, value, labels FROM exemplars WHERE series_id = ? AND t BETWEEN ? AND ? ORDER BY t
                    """, arguments: [id, mint, maxt])
                guard !rows.isEmpty else { continue }
                out.append((seriesLabels, rows.map { row in
                    Exemplar(labels: ExemplarLabels.decode(row[2]),
                             value: Double(bitPattern: UInt64(bitPattern: row[1])), timestamp: row[0])
                }))
            }
            return out
        }
    }

    /// Runs SQLite's own consistency check; "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }
}

public struct StoredSeries: Sendable, Equatable {
    public var id: Int64
    public var labels: Labels
    public var samples: [Sample]
}
