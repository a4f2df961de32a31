import MeshMetrics
import PromQL
import Storage

/// The PromQL engine's view of the SQLite metrics store: matchers resolved through the
/// label index, and only chunks overlapping the range decoded.
public struct SQLiteQueryable: Queryable {
    let reader: MetricsReader

    public init(reader: MetricsReader) {
        self.reader = reader
    }

    public func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) async throws -> [MatrixSeries] {
        try reader.select(matchers, from: mint, through: maxt).map { MatrixSeries(labels: $0.labels, points: $0.samples) }
    }
}
