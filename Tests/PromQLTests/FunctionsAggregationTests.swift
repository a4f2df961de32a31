import MeshMetrics
import Testing
@testable import PromQL

/// Expected values from conformance/promql/aggregators.test (sum, avg, min, max,
/// count, group, stddev, stdvar, quantile), inputs in the order the engine feeds them
/// (series sorted by labels).
@Suite struct FunctionsAggregationTests {
    let inf = Double.infinity
    let big = 9.988465674311579e+307

    @Test func simpleAggregations() {
        let apiServer: [Double] = [300, 400, 100, 200]
        #expect(Aggregations.sum(apiServer) == 1000)
        #expect(Aggregations.avg(apiServer) == 250)
        #expect(Aggregations.count(apiServer) == 4)
        #expect(Aggregations.min(apiServer) == 100)
        #expect(Aggregations.max(apiServer) == 400)
        #expect(Aggregations.group(apiServer) == 1)
        #expect(Aggregations.sum([]) == nil)
        #expect(Aggregations.quantile(0.5, []).isNaN)
    }

    @Test func avgWithInfinitiesAndNaN() {
        let cases: [([Double], Double)] = [
            ([8, 10, 12], 10), ([0, inf, 0, inf], inf), ([inf, 0, inf], inf), ([inf, inf, -inf], .nan),
            ([-inf, -inf, 0], -inf), ([-inf, 0, -inf], -inf), ([-inf, -inf, inf], .nan), ([-inf, 0, inf], .nan),
            ([2, 8, 1e100, -1e100], 2.5), ([inf, 2], inf), ([2, inf], inf), ([-inf, 2], -inf), ([2, -inf], -inf),
            ([inf, -inf], .nan), ([.nan, 2], .nan), ([2, .nan], .nan),
        ]
        for (values, expected) in cases {
            expectClose(Aggregations.avg(values), expected)
        }
    }

    @Test func avgOfHugeValuesDoesNotOverflow() {
        #expect(Aggregations.avg([big, big, big, big]) == big)
        #expect(Aggregations.avg([-big, -big, -big, -big]) == -big)
        expectClose(Aggregations.avg([-big, -big, big, big]), 0)
    }

    @Test func avgOfAConstantIsExact() {
        for count in [8, 9, 10, 11, 12] {
            #expect(Aggregations.avg(Array(repeating: 52, count: count)) == 52)
        }
    }

    @Test func sumWithKahanAndInfinities() {
        #expect(Aggregations.sum([2, 8, 1e100, -1e100]) == 10)
        #expect(Aggregations.sum([inf, 2]) == inf)
        #expect(Aggregations.sum([2, -inf]) == -inf)
        #expect(Aggregations.sum([inf, -inf])?.isNaN == true)
        #expect(Aggregations.sum([.nan, 2])?.isNaN == true)
    }

    @Test func minAndMaxIgnoreNaNUnlessAllNaN() {
        let values: [Double] = [.nan, 3, 4, 1, 2]
        #expect(Aggregations.max(values) == 4)
        #expect(Aggregations.min(values) == 1)
        #expect(Aggregations.max([.nan, 3, 4]) == 4)
        #expect(Aggregations.min([.nan, 3, 4]) == 3)
        #expect(Aggregations.max([.nan, .nan])?.isNaN == true)
        #expect(Aggregations.min([3, .nan]) == 3)
    }

    @Test func stddevAndStdvar() {
        let values: [Double] = [300, 400, 700, 800, 100, 200, 500, 600]
        expectClose(Aggregations.stddev(values), 229.12878474779)
        expectClose(Aggregations.stdvar(values), 52500)
        expectClose(Aggregations.stddev([100, 500]), 200)
        #expect(Aggregations.stdvar([100, 300, 500, 700]) == 50000)
        // 0+1.33x10 at 50m, three times: exactly zero.
        let same = 10 * 1.33
        #expect(Aggregations.stddev([same, same, same]) == 0)
        #expect(Aggregations.stdvar([same, same, same]) == 0)
        #expect(Aggregations.stddev([1, 2]) == 0.5)
        #expect(Aggregations.stdvar([1, 2]) == 0.25)
        #expect(Aggregations.stddev([1]) == 0)
        for values: [Double] in [[1, 2, .nan], [.nan, 1, 2], [.nan], [1, 2, inf], [inf, 1, 2], [inf]] {
            #expect(Aggregations.stddev(values)?.isNaN == true)
            #expect(Aggregations.stdvar(values)?.isNaN == true)
        }
    }

    @Test func quantileInterpolatesWithNaNSmallest() {
        let cases: [(Double, [Double], Double)] = [
            (0.8, [0, 1], 0.8), (0.8, [0, 1, 2], 1.6), (0.8, [0, 1, 4], 2.8), (0.8, [0, 1, .nan], 0.6),
            (0.2, [0, 1], 0.2), (0.2, [0, 1, 2], 0.4), (0.2, [0, 1, 4], 0.4), (0.2, [0, 1, .nan], .nan),
            (.nan, [0, 1], .nan), (-0.5, [0, 1], -inf), (1.5, [0, 1], inf), (0, [4, 1, 2], 1), (1, [4, 1, 2], 4),
        ]
        for (q, values, expected) in cases {
            expectClose(Aggregations.aggregate(.quantile, values, quantile: q), expected)
            expectClose(Aggregations.quantile(q, values), expected)
        }
    }

    @Test func streamingAggregationMatchesWholeGroup() {
        var group = FloatAggregation(.avg, first: 8)
        group.add(10)
        group.add(12)
        #expect(group.count == 3)
        #expect(group.result() == 10)
        var quantile = FloatAggregation(.quantile, first: 0)
        quantile.add(4)
        quantile.add(1)
        expectClose(quantile.result(quantile: 0.8), 2.8)
    }

    @Test func groupingLabels() {
        let labels = Labels(name: "http_requests", ["job": "api", "instance": "0", "group": "canary"])
        #expect(Aggregations.groupingLabels(labels, grouping: ["group", "nonexistent"], without: false) == Labels(["group": "canary"]))
        #expect(Aggregations.groupingLabels(labels, grouping: ["instance"], without: true) == Labels(["job": "api", "group": "canary"]))
        #expect(Aggregations.groupingLabels(labels, grouping: [], without: true) == Labels(["job": "api", "instance": "0", "group": "canary"]))
        #expect(Aggregations.groupingLabels(labels, grouping: [], without: false) == Labels([]))
    }
}
