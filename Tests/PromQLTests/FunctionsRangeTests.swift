import MeshMetrics
import Testing
@testable import PromQL

/// Expected values from conformance/promql/functions.test (rate, increase, delta,
/// irate, idelta, deriv, predict_linear, changes, resets).
@Suite struct FunctionsRangeTests {
    let fiveMinutes: Int64 = 5 * minute

    func increase(_ values: [Double], at end: Int64, range: Int64, every interval: Int64 = 5 * minute) -> Double? {
        let selected = window(points(values, every: interval), end: end, range: range)
        return RangeFunctions.increase(selected, rangeStart: end - range, rangeEnd: end)
    }

    func rate(_ values: [Double], at end: Int64, range: Int64, every interval: Int64 = 5 * minute) -> Double? {
        let selected = window(points(values, every: interval), end: end, range: range)
        return RangeFunctions.rate(selected, rangeStart: end - range, rangeEnd: end)
    }

    @Test func increaseExtrapolatesToTheWindowEdges() {
        let bar = expanding(0, 18, 5) + expanding(0, 18, 5)
        expectClose(increase(expanding(0, 10, 10), at: 50 * minute, range: 50 * minute), 100)
        expectClose(increase(bar, at: 50 * minute, range: 50 * minute), 160)
        expectClose(increase(expanding(10, 10, 10), at: 50 * minute, range: 50 * minute), 100)
        expectClose(increase(expanding(1, 10, 10), at: 50 * minute, range: 50 * minute), 100)
    }

    @Test func increaseStopsExtrapolatingAtTheCounterZero() {
        expectClose(increase(expanding(0, 10, 10), at: 50 * minute, range: 100 * minute), 100)
        expectClose(increase(expanding(0, 18, 5) + expanding(0, 18, 5), at: 50 * minute, range: 100 * minute), 162)
        expectClose(increase(expanding(10, 10, 10), at: 50 * minute, range: 100 * minute), 105)
        expectClose(increase(expanding(1, 10, 10), at: 50 * minute, range: 100 * minute), 101)
    }

    @Test func increaseTreatsADecreaseAsAReset() {
        expectClose(increase([0, 1, 2, 3, 2, 3, 4], at: 30 * minute, range: 30 * minute), 7)
    }

    @Test func rateHandlesResetsAndWindows() {
        let resetMiddle = expanding(0, 27, 4) + expanding(0, 27, 5)
        expectClose(rate(resetMiddle, at: 50 * minute, range: 50 * minute), 0.08)
        let resetEnd = expanding(0, 10, 9) + [0, 10]
        #expect(rate(resetEnd, at: 50 * minute, range: 5 * minute) == nil) // One point only.
        expectClose(rate(resetEnd, at: 50 * minute, range: 6 * minute), 0)
        expectClose(rate(expanding(0, 80, 10), at: 50 * minute, range: 50 * minute), 0.26666666666666666)
        // rate(x[10m] offset 5m) at 50m: the window is (35m, 45m].
        let offsetWindow = window(points(expanding(0, 10, 10), every: fiveMinutes), end: 45 * minute, range: 10 * minute)
        expectClose(RangeFunctions.rate(offsetWindow, rangeStart: 35 * minute, rangeEnd: 45 * minute), 0.03333333333333333)
    }

    @Test func rateZeroCutoffOnTheLeft() {
        let every4m = 4 * minute
        let expectedAt10m: [Double] = [0.5, 0.55, 0.6, 0.6, 0.6, 0.6]
        for (start, expected) in expectedAt10m.enumerated() {
            let values = expanding(Double(start) * 60, 240, 10)
            expectClose(rate(values, at: 10 * minute, range: 20 * minute, every: every4m), expected)
            expectClose(rate(values, at: 50 * minute, range: 20 * minute, every: every4m), 0.6)
        }
    }

    @Test func deltaExtrapolatesWithoutResetCorrection() {
        let all = points([0, 50, 100, 150, 200], every: fiveMinutes)
        let selected = window(all, end: 20 * minute, range: 20 * minute)
        expectClose(RangeFunctions.delta(selected, rangeStart: 0, rangeEnd: 20 * minute), 200)
        let falling = window(points([200, 150, 100, 50, 0], every: fiveMinutes), end: 20 * minute, range: 20 * minute)
        expectClose(RangeFunctions.delta(falling, rangeStart: 0, rangeEnd: 20 * minute), -200)
    }

    @Test func rateNeedsTwoPoints() {
        #expect(RangeFunctions.rate([], rangeStart: 0, rangeEnd: minute) == nil)
        #expect(RangeFunctions.rate([Sample(timestamp: 10, value: 5)], rangeStart: 0, rangeEnd: minute) == nil)
        #expect(RangeFunctions.irate([Sample(timestamp: 10, value: 5)]) == nil)
        #expect(RangeFunctions.deriv([Sample(timestamp: 10, value: 5)]) == nil)
    }

    @Test func irateUsesTheLastTwoPoints() {
        let foo = points(expanding(0, 10, 10), every: fiveMinutes)
        expectClose(RangeFunctions.irate(window(foo, end: 50 * minute, range: 50 * minute)), 0.03333333333333333)
        let bar = points(expanding(0, 10, 5) + expanding(0, 10, 5), every: fiveMinutes)
        expectClose(RangeFunctions.irate(window(bar, end: 30 * minute, range: 50 * minute)), 0)
        // http_requests_nan 1 NaN NaN 5 11, range query 0..20m step 5m over [15m1s].
        let nan = points([1, .nan, .nan, 5, 11], every: fiveMinutes)
        let range = 15 * minute + 1000
        let expected: [Double?] = [nil, .nan, .nan, .nan, 0.02]
        for (step, value) in expected.enumerated() {
            let result = RangeFunctions.irate(window(nan, end: Int64(step) * fiveMinutes, range: range))
            if let value { expectClose(result, value) } else { #expect(result == nil) }
        }
    }

    @Test func ideltaUsesTheLastTwoPoints() {
        let foo = window(points([0, 50, 100, 150], every: fiveMinutes), end: 20 * minute, range: 20 * minute)
        #expect(RangeFunctions.idelta(foo) == 50)
        let bar = window(points([0, 50, 100, 50], every: fiveMinutes), end: 20 * minute, range: 20 * minute)
        #expect(RangeFunctions.idelta(bar) == -50)
        let nan = points([1, .nan, .nan, 5, 11], every: fiveMinutes)
        #expect(RangeFunctions.idelta(window(nan, end: 15 * minute, range: 15 * minute + 1000))?.isNaN == true)
        #expect(RangeFunctions.idelta(window(nan, end: 20 * minute, range: 15 * minute + 1000)) == 6)
    }

    @Test func derivIsTheLeastSquaresSlope() {
        let counter = points(expanding(0, 80, 10), every: fiveMinutes)
        expectClose(RangeFunctions.deriv(window(counter, end: 50 * minute, range: 50 * minute)), 0.26666666666666666)
        let resetMiddle = points(expanding(0, 10, 4) + expanding(0, 10, 5), every: fiveMinutes)
        expectClose(RangeFunctions.deriv(window(resetMiddle, end: 50 * minute, range: 100 * minute)), 0.010606060606060607)
        // -Inf 0+80x10 Inf: infinities make the slope NaN.
        let inf = points([-.infinity] + expanding(0, 80, 10) + [.infinity], every: fiveMinutes)
        #expect(RangeFunctions.deriv(window(inf, end: 100 * minute, range: 100 * minute))?.isNaN == true)
        // A constant series has slope 0, a constant infinite one NaN.
        #expect(RangeFunctions.deriv(points([3, 3, 3], every: 1000)) == 0)
        #expect(RangeFunctions.deriv(points([.infinity, .infinity], every: 1000))?.isNaN == true)
    }

    @Test func predictLinearExtrapolatesFromTheEvaluationTime() {
        let all = points(expanding(0, 10, 4) + expanding(0, 10, 5), every: fiveMinutes)
        let last50m = window(all, end: 50 * minute, range: 50 * minute)
        expectClose(RangeFunctions.predictLinear(last50m, seconds: 3600, evaluationTime: 50 * minute), 70)
        // [55m] @ 3000 keeps all points; the intercept is still taken at the evaluation time.
        let at3000 = window(all, end: 50 * minute, range: 55 * minute)
        expectClose(RangeFunctions.predictLinear(at3000, seconds: 3600, evaluationTime: 50 * minute), 76.81818181818181)
        expectClose(RangeFunctions.predictLinear(at3000, seconds: 3600, evaluationTime: 10 * minute), 51.36363636363637)
        expectClose(RangeFunctions.predictLinear(at3000, seconds: 3600, evaluationTime: 70 * minute), 89.54545454545455)
        let inf = points([-.infinity] + expanding(0, 80, 10) + [.infinity], every: fiveMinutes)
        #expect(RangeFunctions.predictLinear(window(inf, end: 100 * minute, range: 100 * minute), seconds: 6000, evaluationTime: 100 * minute)?.isNaN == true)
    }

    @Test func resetsAndChangesCountWithinTheWindow() {
        let foo = points([1, 2, 3, 0, 1, 0, 0, 1, 2, 0], every: fiveMinutes)
        let end = 50 * minute
        #expect(RangeFunctions.resets(window(foo, end: end, range: 5 * minute)) == nil)
        #expect(RangeFunctions.resets(window(foo, end: end, range: 10 * minute)) == 0)
        #expect(RangeFunctions.resets(window(foo, end: end, range: 20 * minute)) == 1)
        #expect(RangeFunctions.resets(window(foo, end: end, range: 30 * minute)) == 1)
        #expect(RangeFunctions.resets(window(foo, end: end, range: 32 * minute)) == 2)
        #expect(RangeFunctions.resets(window(foo, end: end, range: 50 * minute)) == 3)
        #expect(RangeFunctions.changes(window(foo, end: end, range: 5 * minute)) == nil)
        #expect(RangeFunctions.changes(window(foo, end: end, range: 6 * minute)) == 0)
        #expect(RangeFunctions.changes(window(foo, end: end, range: 20 * minute)) == 2)
        #expect(RangeFunctions.changes(window(foo, end: end, range: 30 * minute)) == 3)
        #expect(RangeFunctions.changes(window(foo, end: end, range: 50 * minute)) == 7)
        let bar = points([1, 2, 3, 4, 5, 1, 2, 3, 4, 5], every: fiveMinutes)
        #expect(RangeFunctions.changes(window(bar, end: end, range: 50 * minute)) == 8)
        #expect(RangeFunctions.resets(window(bar, end: end, range: 50 * minute)) == 1)
    }

    @Test func changesTreatsNaNToNaNAsUnchanged() {
        #expect(RangeFunctions.changes(points([.nan, .nan, .nan], every: fiveMinutes)) == 0)
        #expect(RangeFunctions.changes(points([0, .nan, 0], every: fiveMinutes)) == 2)
    }

    @Test func possibleNonCounterInfoChecksTheSuffix() {
        #expect(RangeFunctions.possibleNonCounterInfo(metricName: "http_requests_total") == nil)
        #expect(RangeFunctions.possibleNonCounterInfo(metricName: "x_bucket") == nil)
        #expect(RangeFunctions.possibleNonCounterInfo(metricName: nil) == nil)
        #expect(RangeFunctions.possibleNonCounterInfo(metricName: "testcounter")?.message ==
            "PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"testcounter\"")
    }
}

/// Expected values from conformance/promql/extended_vectors.test (anchored/smoothed).
@Suite struct FunctionsExtendedRangeTests {
    // metric 1+1x4 9+1x4 every 15s.
    let metric = points(expanding(1, 1, 4) + expanding(9, 1, 4), every: 15_000)

    /// What the evaluator selects: from the last sample at or before the window start
    /// through the window, plus the first one after it when smoothed.
    func selection(_ all: [Sample], end: Int64, range: Int64, smoothed: Bool) -> [Sample] {
        let start = end - range
        let before = all.last { $0.timestamp <= start }
        let after = smoothed ? all.first { $0.timestamp > end } : nil
        return [before].compactMap { $0 } + window(all, end: end, range: range) + [after].compactMap { $0 }
    }

    func increase(_ all: [Sample], at end: Int64, smoothed: Bool) -> Double? {
        RangeFunctions.extendedRate(selection(all, end: end, range: minute, smoothed: smoothed),
                                    rangeStart: end - minute, rangeEnd: end, isCounter: true, isRate: false, smoothed: smoothed)
    }

    @Test func anchoredIncrease() {
        let expected: [(Int64, Double)] = [(5, 0), (20, 1), (35, 2), (50, 3), (65, 4), (80, 7), (95, 7), (110, 7), (125, 7)]
        for (seconds, value) in expected {
            expectClose(increase(metric, at: seconds * 1000, smoothed: false), value)
        }
    }

    @Test func smoothedIncrease() {
        let expected: [(Int64, Double)] = [(5, 0.333333333), (20, 1.333333333), (35, 2.333333333), (50, 3.333333333),
                                           (65, 5), (80, 7), (95, 7), (110, 7), (125, 6)]
        for (seconds, value) in expected {
            expectClose(increase(metric, at: seconds * 1000, smoothed: true), value)
        }
    }

    @Test func partialDataset() {
        let partial = points(expanding(1, 1, 2) + [nil, nil] + expanding(9, 1, 4), every: 15_000)
        let anchored: [(Int64, Double)] = [(50, 2), (65, 2), (110, 8), (125, 9)]
        for (seconds, value) in anchored { expectClose(increase(partial, at: seconds * 1000, smoothed: false), value) }
        let smoothed: [(Int64, Double)] = [(35, 2.666666666), (50, 4.666666666), (65, 6.333333333), (95, 6.666666666)]
        for (seconds, value) in smoothed { expectClose(increase(partial, at: seconds * 1000, smoothed: true), value) }
    }

    @Test func windowIsLeftOpen() {
        let gap = points([1, 2, nil, 4, 5], every: minute)
        expectClose(increase(gap, at: 2 * minute, smoothed: true), 1)
        #expect(increase(gap, at: 2 * minute, smoothed: false) == nil)
        let selected = selection(gap, end: 2 * minute, range: minute, smoothed: false)
        #expect(RangeFunctions.anchoredChanges(selected, rangeStart: minute) == nil)
        let resets = points([3, 2, 4, 6, 1], every: minute)
        let all = selection(resets, end: 4 * minute, range: 3 * minute, smoothed: false)
        #expect(RangeFunctions.anchoredResets(all, rangeStart: minute) == 1) // 3→2 lies before the anchor.
        #expect(RangeFunctions.anchoredChanges(all, rangeStart: minute) == 3)
    }
}
