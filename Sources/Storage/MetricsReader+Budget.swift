import Foundation
import GRDB
import MeshMetrics

extension MetricsReader {
    /// `select`, calling `progress` once before decoding anything and then after each
    /// series with the number of samples just decoded. A caller stops the read by
    /// throwing: a query over its sample limit, cancelled or out of time fails while
    /// reading instead of decoding every matching series first.
    public func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64,
                       progress: (_ samplesDecoded: Int) throws -> Void) throws -> [StoredSeries] {
        try pool.read { db in
            try progress(0)
            let ids = try PostingsResolver.seriesIDs(matching: matchers, in: db)
            let labels = try SeriesLabelsLoader.labels(of: ids, in: db)
            var out: [StoredSeries] = []
            try ChunkReader.samples(seriesIDs: ids, from: mint, through: maxt, in: db) { id, samples in
                try progress(samples.count)
                if let seriesLabels = labels[id], !samples.isEmpty {
                    out.append(StoredSeries(id: id, labels: seriesLabels, samples: samples))
                }
            }
            return out
        }
    }
}
