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
            for id in ids {
                guard let seriesLabels = labels[id] else { continue }
                let samples = try ChunkReader.samples(seriesID: id, from: mint, through: maxt, in: db)
                try progress(samples.count)
                if !samples.isEmpty { out.append(StoredSeries(id: id, labels: seriesLabels, samples: samples)) }
            }
            return out
        }
    }
}
