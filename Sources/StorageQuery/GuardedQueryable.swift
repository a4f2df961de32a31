import MeshMetrics
import PromQL
import Storage
import Synchronization

/// What one query has read so far: for the slow-query log, and the running total the
/// sample limit is checked against.
public final class QueryCost: Sendable {
    public struct Figures: Sendable, Equatable {
        public var seriesTouched = 0
        public var samplesDecoded = 0
    }

    private let state = Mutex(Figures())

    public init() {}

    public var figures: Figures { state.withLock { $0 } }

    /// Adds one decoded series' samples; returns the query's new sample total.
    func add(samples: Int, series: Int) -> Int {
        state.withLock { figures in
            figures.seriesTouched += series
            figures.samplesDecoded += samples
            return figures.samplesDecoded
        }
    }
}

/// The SQLite store as seen by one query of the HTTP API: a read fails as soon as the
/// query's samples pass `maxSamples`, or when `stop` returns an error (the query was
/// cancelled or ran out of time), instead of decoding everything first. The engine's
/// own checks run only after a selector has been read whole.
public struct GuardedQueryable: Queryable {
    public static let tooManySamples = "query processing would load too many samples into memory in query execution"

    let reader: MetricsReader
    let maxSamples: Int
    let cost: QueryCost
    let stop: @Sendable () -> EngineError?

    public init(reader: MetricsReader, maxSamples: Int, cost: QueryCost, stop: @escaping @Sendable () -> EngineError?) {
        self.reader = reader
        self.maxSamples = maxSamples
        self.cost = cost
        self.stop = stop
    }

    public func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) async throws -> [MatrixSeries] {
        let selected = try reader.select(matchers, from: mint, through: maxt) { decoded in
            if let error = stop() { throw error }
            guard decoded > 0 else { return }
            if cost.add(samples: decoded, series: 1) > maxSamples {
                throw EngineError(.execution, Self.tooManySamples)
            }
        }
        return selected.map { MatrixSeries(labels: $0.labels, points: $0.samples) }
    }
}
