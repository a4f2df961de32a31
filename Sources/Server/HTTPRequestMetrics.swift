import Synchronization

/// Request counts and latency histograms per route and status code, for `/metrics`.
/// A `Mutex` rather than an actor: the middleware records on every request and must not
/// add a suspension point to the response path.
public final class HTTPRequestMetrics: Sendable {
    public static let bucketBounds: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct RouteKey: Hashable, Sendable {
        var route: String
        var method: String
        var code: Int
    }

    struct Histogram: Sendable {
        var buckets = [UInt64](repeating: 0, count: HTTPRequestMetrics.bucketBounds.count)
        var count: UInt64 = 0
        var sum: Double = 0
    }

    private let state = Mutex<[RouteKey: Histogram]>([:])

    public init() {}

    func record(route: String, method: String, code: Int, seconds: Double) {
        state.withLock { table in
            var histogram = table[RouteKey(route: route, method: method, code: code)] ?? Histogram()
            for (index, bound) in Self.bucketBounds.enumerated() where seconds <= bound {
                histogram.buckets[index] += 1
            }
            histogram.count += 1
            histogram.sum += seconds
            table[RouteKey(route: route, method: method, code: code)] = histogram
        }
    }

    func snapshot() -> [RouteKey: Histogram] {
        state.withLock { $0 }
    }
}
