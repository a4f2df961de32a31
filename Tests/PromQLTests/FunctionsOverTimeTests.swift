import MeshMetrics
import Testing
@testable import PromQL

/// Expected values from conformance/promql/functions.test (*_over_time, ts_of_*,
/// double_exponential_smoothing, absent_over_time).
@Suite struct FunctionsOverTimeTests {
    let tenSeconds: Int64 = 10_000

    func last1m(_ values: [Double], every interval: Int64 = 10_000, at end: Int64 = 55_000) -> [Sample] {
        window(points(values, every: interval), end: end, range: minute)
    }

    @Test func avgOverTimeWindows() {
        let metric = points([1, 2, 3, 4, 5], every: tenSeconds)
        #expect(OverTimeFunctions.avg(window(metric, end: 55_000, range: 10_000)) == nil)
        #expect(OverTimeFunctions.avg(window(metric, end: 55_000, range: 20_000)) == 5)
        #expect(OverTimeFunctions.avg(window(metric, end: 55_000, range: minute)) == 3)
        #expect(OverTimeFunctions.sum(window(metric, end: 55_000, range: minute)) == 15)
        #expect(OverTimeFunctions.count(window(metric, end: 55_000, range: minute)) == 5)
    }

    @Test func avgOverTimeInfinities() {
        let inf = Double.infinity
        let cases: [([Double], Double)] = [
            ([1, 2, 3, 4, inf], inf), ([1, 2, 3, 4, -inf], -inf), ([1, 2, 3, inf, -inf], .nan),
            ([inf, 0, inf], inf), ([inf, inf, inf, -inf], .nan), ([1, 2, 3, -inf, -inf], -inf),
            ([-inf, 0, -inf], -inf), ([-inf, -inf, -inf, inf], .nan), ([1, 2, -inf, -inf, inf], .nan),
        ]
        for (values, expected) in cases {
            expectClose(OverTimeFunctions.avg(last1m(values)), expected)
        }
    }

    @Test func avgOverTimeAvoidsOverflow() {
        let big = 9.988465674311579e+307
        #expect(OverTimeFunctions.avg(last1m([big, big])) == big)
        #expect(OverTimeFunctions.avg(last1m([-big, -big, -big])) == -big)
        #expect(OverTimeFunctions.avg(last1m([-big, big])) == 0)
        // The plain sum overflows, as sum_over_time/count_over_time shows.
        #expect(OverTimeFunctions.sum(last1m([big, big])) == .infinity)
    }

    @Test func avgOverTimeNaN() {
        let metric = points([1, 2, 3, .nan, .nan], every: tenSeconds)
        #expect(OverTimeFunctions.avg(window(metric, end: 20_000, range: minute)) == 2)
        #expect(OverTimeFunctions.avg(window(metric, end: 30_000, range: minute))?.isNaN == true)
    }

    @Test func overTimeKahanPrecision() {
        let metric = points([1, 1e100, 1, -1e100], every: tenSeconds)
        #expect(OverTimeFunctions.sum(window(metric, end: minute, range: 2 * minute)) == 2)
        #expect(OverTimeFunctions.avg(window(metric, end: minute, range: 2 * minute)) == 0.5)
    }

    @Test func avgOverTimeExtremeMagnitudes() {
        let every5s: Int64 = 5000
        let cases: [([Double], Double)] = [
            ([1e10, 1e-6, 1e-6, 1e-6, 1e-6, 1e-6], 1.6666666666666675e+09),
            ([5.30921651659898, 0.961118537914768, 1.62091361305318, 0.865089463758091, 0.323055185914577, 0.951811357687154], 1.67186744582113),
            ([1.78264e50, 0.76342771, 1.9592258, 7.69805412, 458.90154], 3.56528E+49),
            ([0.76342771, 1.9592258, 7.69805412, 1.78264e50, 458.90154], 3.56528E+49),
            ([1.78264E+50, 0.76342771, 1.9592258, 2.258E+220, 7.69805412, 458.90154], 3.76333333333333E+219),
            ([-1.78264E+50, 0.76342771, 1.9592258, 2.258E+220, 7.69805412, -458.90154], 3.76333333333333E+219),
            ([-1.78264E+50, 0.76342771, 1.9592258, -2.258E+220, 7.69805412, -458.90154], -3.76333333333333E+219),
            ([-1.78264E+215, 0.76342771, 1.9592258, 2.258E+220, 7.69805412, -458.90154], 3.76330362266667E+219),
            ([-1.78264E+215, 0.76342771, 1.9592258, 2.258E+220, 7.69805412, 1.78264E+215, -458.90154], 3.225714285714286e+219),
            ([-1.78264E+219, 0.76342771, 1.9592258, 2.3757689E+217, -2.3757689E+217, 2.258E+220, 7.69805412, 1.78264E+219, -458.90154], 2.5088888888888888e+219),
            // Kahan summation cannot cope with these magnitudes either: Prometheus gives 0.
            ([-2.258E+220, -1.78264E+219, 0.76342771, 1.9592258, 2.3757689E+217, -2.3757689E+217, 2.258E+220, 7.69805412, 1.78264E+219, -458.90154], 0),
        ]
        for (values, expected) in cases {
            expectClose(OverTimeFunctions.avg(last1m(values, every: every5s)), expected)
        }
    }

    @Test func avgOverTimeOfAConstantIsExact() {
        let foo = points(expanding(52, 0, 100), every: tenSeconds)
        for seconds: Int64 in [100, 110, 120, 130] {
            #expect(OverTimeFunctions.avg(window(foo, end: 10 * minute, range: seconds * 1000)) == 52)
        }
    }

    @Test func sumOverTimeDenseSamples() {
        let metric = points(expanding(1, 0, 4000), every: 1)
        for range: Int64 in [1000, 1001, 1002, 1003, 2000, 3003] {
            #expect(OverTimeFunctions.sum(window(metric, end: 4000, range: range)) == Double(range))
        }
    }

    @Test func stddevAndStdvarOverTime() {
        let metric = window(points([0, 8, 8, 2, 3], every: tenSeconds), end: minute, range: 2 * minute)
        expectClose(OverTimeFunctions.stdvar(metric), 10.56)
        expectClose(OverTimeFunctions.stddev(metric), 3.249615)
        let constant = last1m([1.5990505637277868, 1.5990505637277868, 1.5990505637277868])
        #expect(OverTimeFunctions.stdvar(constant) == 0)
        #expect(OverTimeFunctions.stddev(constant) == 0)
        #expect(OverTimeFunctions.stddev([]) == nil)
    }

    @Test func madOverTime() {
        let metric = points([4, 6, 2, 1, 999, 1, 2], every: tenSeconds)
        #expect(OverTimeFunctions.mad(window(metric, end: 70_000, range: 70_000)) == 1)
        #expect(OverTimeFunctions.mad(window(points([1, 2, 3, 4, 5], every: tenSeconds), end: 40_000, range: 50_000)) == 1)
        #expect(OverTimeFunctions.mad(points([7, 7, 7, 7, 7], every: tenSeconds)) == 0)
        #expect(OverTimeFunctions.mad(points([5], every: tenSeconds)) == 0)
        #expect(OverTimeFunctions.mad(points([1, 2, .nan, 4], every: tenSeconds))?.isNaN == true)
    }

    @Test func timestampsOfMinMaxLastFirst() {
        let odd: Int64 = 10_053
        let metric = window(points([1, 2, 3, 0, 5, 6, 2, 1, 4], every: odd), end: 90_000, range: 90_000)
        expectClose(OverTimeFunctions.timestampOfMin(metric), 30.159)
        expectClose(OverTimeFunctions.timestampOfMax(metric), 50.265)
        let sparse = points([1, 2, 3, nil, nil], every: odd)
        expectClose(OverTimeFunctions.timestampOfLast(window(sparse, end: 95_000, range: 90_000)), 20.106)
        let late = points([nil, nil, 1, 2, 3, nil, nil], every: odd)
        expectClose(OverTimeFunctions.timestampOfFirst(window(late, end: 90_000, range: 90_000)), 20.106)
        #expect(OverTimeFunctions.timestampOfFirst(window(late, end: 15_000, range: 90_000)) == nil)
        // Ties: ts_of_max reports the last occurrence.
        #expect(OverTimeFunctions.timestampOfMax(points([5, 1, 5], every: 1000)) == 2)
    }

    @Test func minMaxLastFirstWithNaN() {
        let data: [([Double], min: Double, max: Double, last: Double, first: Double)] = [
            ([2, 0, 3], 0, 3, 3, 2), ([2, 0, .nan], 0, 2, .nan, 2), ([2, .nan, 1], 1, 2, 1, 2),
            ([.nan, 0, 1], 0, 1, 1, .nan), ([.nan, .nan, .nan], .nan, .nan, .nan, .nan),
        ]
        for row in data {
            let selected = window(points(row.0, every: tenSeconds), end: minute, range: 2 * minute)
            expectClose(OverTimeFunctions.min(selected), row.min)
            expectClose(OverTimeFunctions.max(selected), row.max)
            expectClose(OverTimeFunctions.last(selected), row.last)
            expectClose(OverTimeFunctions.first(selected), row.first)
            #expect(OverTimeFunctions.count(selected) == 3)
            #expect(OverTimeFunctions.present(selected) == 1)
        }
        #expect(OverTimeFunctions.min([]) == nil)
        #expect(OverTimeFunctions.present([]) == nil)
    }

    @Test func quantileOverTime() {
        let two = points([0, 1], every: tenSeconds), three = points([0, 1, 2], every: tenSeconds)
        let uneven = points([0, 1, 4], every: tenSeconds)
        let expected: [(Double, [Double])] = [
            (0, [0, 0, 0]), (0.5, [0.5, 1, 1]), (0.75, [0.75, 1.5, 2.5]), (0.8, [0.8, 1.6, 2.8]),
            (1, [1, 2, 4]), (-1, [-.infinity, -.infinity, -.infinity]), (2, [.infinity, .infinity, .infinity]),
        ]
        for (q, values) in expected {
            var notes = FunctionAnnotations()
            for (series, value) in zip([two, three, uneven], values) {
                expectClose(OverTimeFunctions.quantile(q, series, annotations: &notes), value)
            }
            #expect(notes.warnings.count == (q < 0 || q > 1 ? 1 : 0))
        }
        var notes = FunctionAnnotations()
        #expect(OverTimeFunctions.quantile(0.5, [], annotations: &notes) == nil)
        #expect(notes.isEmpty)
    }

    @Test func doubleExponentialSmoothing() throws {
        let every10s: Int64 = 10_000
        let trends: [([Double], Double)] = [
            (expanding(0, 10, 1000) + expanding(100, 30, 1000), 8000),
            (expanding(0, 20, 1000) + expanding(200, 30, 1000), 16000),
            (expanding(0, 30, 1000) + expanding(300, 80, 1000), 24000),
            (expanding(0, 40, 2000), 32000),
            (expanding(8000, -10, 1000), 0),
            (expanding(0, -20, 1000), -16000),
            (expanding(0, -40, 1000) + expanding(0, 40, 1000), -32000),
        ]
        for (values, expected) in trends {
            let selected = window(points(values, every: every10s), end: 8_000_000, range: minute)
            expectClose(try OverTimeFunctions.doubleExponentialSmoothing(selected, smoothingFactor: 0.01, trendFactor: 0.1), expected)
        }
        #expect(try OverTimeFunctions.doubleExponentialSmoothing(points([1], every: 1), smoothingFactor: 0.5, trendFactor: 0.5) == nil)
        #expect(throws: FunctionError("invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000")) {
            try OverTimeFunctions.doubleExponentialSmoothing([], smoothingFactor: 1, trendFactor: 0.5)
        }
        #expect(throws: FunctionError("invalid trend factor. Expected: 0 < tf < 1, got: 0.000000")) {
            try OverTimeFunctions.doubleExponentialSmoothing([], smoothingFactor: 0.5, trendFactor: 0)
        }
        // NaN passes Go's range checks and poisons the result instead of failing.
        #expect(try OverTimeFunctions.doubleExponentialSmoothing(points([1, 2, 3], every: 1), smoothingFactor: .nan, trendFactor: 0.5)?.isNaN == true)
    }

    @Test func absentLabelsKeepOnlyUnambiguousEqualityMatchers() throws {
        func labels(_ matchers: [(String, LabelMatcher.Kind, String)]) throws -> Labels {
            OverTimeFunctions.absentLabels(matchers: try matchers.map { try LabelMatcher($0.0, $0.1, $0.2) })
        }
        #expect(try labels([("__name__", .equal, "nonexistent")]) == Labels([]))
        #expect(try labels([("__name__", .equal, "x"), ("job", .equal, "testjob"), ("instance", .equal, "testinstance"), ("method", .regex, ".x")])
            == Labels(["instance": "testinstance", "job": "testjob"]))
        #expect(try labels([("job", .equal, "testjob"), ("job", .equal, "testjob2"), ("foo", .equal, "bar")]) == Labels(["foo": "bar"]))
        #expect(try labels([("job", .equal, "testjob"), ("job", .regex, "testjob2"), ("foo", .equal, "bar")]) == Labels(["foo": "bar"]))
        #expect(try labels([("handler", .notEqual, "/foo")]) == Labels([]))
        #expect(try labels([("handler", .equal, "/foo"), ("handler", .equal, "/bar"), ("instance", .equal, "127.0.0.1")])
            == Labels(["instance": "127.0.0.1"]))
    }
}
