import MeshMetrics
import Testing
@testable import PromQL

/// Expected values from conformance/promql/histograms.test (classic buckets).
@Suite struct FunctionsHistogramTests {
    /// A classic histogram as `name_bucket{le=...}` elements with extra labels.
    func buckets(_ name: String, _ labels: [String: String], _ counts: [(String, Double)]) -> [VectorElement] {
        counts.map { le, count in
            var all = labels
            all["le"] = le
            return element(all, count, name: name)
        }
    }

    // testhistogram at 50m (ten times each bucket's per-step increment).
    var testhistogram: [VectorElement] {
        buckets("testhistogram_bucket", ["start": "positive"], [("0.1", 50), (".2", 70), ("1e0", 110), ("+Inf", 120)])
            + buckets("testhistogram_bucket", ["start": "negative"], [("-.2", 10), ("-0.1", 20), ("0.3", 20), ("+Inf", 30)])
    }

    func quantiles(_ q: Double, _ elements: [VectorElement]) -> [String: Double] {
        var notes = FunctionAnnotations()
        let out = ClassicHistograms.histogramQuantile(q, elements, annotations: &notes)
        return Dictionary(uniqueKeysWithValues: out.map { ($0.labels["start"] ?? $0.labels["instance"] ?? "", $0.value) })
    }

    @Test func histogramQuantileOverClassicBuckets() {
        let expected: [(Double, positive: Double, negative: Double)] = [
            (0, 0, -0.2), (1, 1, 0.3), (0.2, 0.048, -0.2), (0.5, 0.15, -0.15), (0.8, 0.72, 0.3),
        ]
        for row in expected {
            let result = quantiles(row.0, testhistogram)
            expectClose(result["positive"], row.positive)
            expectClose(result["negative"], row.negative)
        }
    }

    @Test func histogramQuantileInvalidPhi() {
        for (q, expected) in [(-0.1, -Double.infinity), (1.01, .infinity), (.nan, .nan)] {
            var notes = FunctionAnnotations()
            let out = ClassicHistograms.histogramQuantile(q, testhistogram, annotations: &notes)
            #expect(out.count == 2)
            out.forEach { expectClose($0.value, expected) }
            #expect(notes.warnings.count == 1)
        }
        var notes = FunctionAnnotations()
        #expect(ClassicHistograms.histogramQuantile(.nan, [], annotations: &notes).isEmpty)
        #expect(notes.warnings.map(\.message) == ["PromQL warning: quantile value should be between 0 and 1, got NaN"])
    }

    @Test func histogramQuantileResultsInTheMiddleOfBuckets() {
        let histogram2 = buckets("testhistogram2_bucket", [:], [("0", 0), ("2", 1), ("4", 2), ("6", 3), ("+Inf", 3)])
        expectClose(quantiles(1.0 / 6.0, histogram2)[""], 1)
        expectClose(quantiles(0.5, histogram2)[""], 3)
        expectClose(quantiles(5.0 / 6.0, histogram2)[""], 5)
    }

    @Test func histogramQuantileWithLowerBoundsAtOrBelowZero() {
        let positive = [ClassicBucket(upperBound: 0, count: 0), .init(upperBound: 0.1, count: 50), .init(upperBound: 0.2, count: 70),
                        .init(upperBound: 1, count: 110), .init(upperBound: .infinity, count: 110)]
        let negative = [ClassicBucket(upperBound: -0.25, count: 0), .init(upperBound: -0.2, count: 10), .init(upperBound: -0.1, count: 20),
                        .init(upperBound: 0.3, count: 20), .init(upperBound: .infinity, count: 20)]
        let expected: [(Double, Double, Double)] = [(0, 0, -0.25), (0.25, 0.055, -0.225), (0.5, 0.125, -0.2), (0.75, 0.45, -0.15), (1, 1, -0.1)]
        for (q, p, n) in expected {
            expectClose(BucketAlgorithms.bucketQuantile(q, positive).value, p)
            expectClose(BucketAlgorithms.bucketQuantile(q, negative).value, n)
        }
    }

    @Test func histogramQuantileOfAggregatedRates() {
        // sum by (le) of the four request_duration_seconds histograms' increments.
        let summed = buckets("request_duration_seconds_bucket", [:], [("0.1", 10), ("0.2", 19), ("+Inf", 25)])
        expectClose(quantiles(0.3, summed)[""], 0.075)
        expectClose(quantiles(0.5, summed)[""], 0.1277777777777778)
        let byInstance = buckets("r_bucket", ["instance": "ins1"], [("0.1", 4), ("0.2", 7), ("+Inf", 10)])
            + buckets("r_bucket", ["instance": "ins2"], [("0.1", 6), ("0.2", 12), ("+Inf", 15)])
        expectClose(quantiles(0.5, byInstance)["ins1"], 0.1333333333)
        expectClose(quantiles(0.5, byInstance)["ins2"], 0.125)
    }

    @Test func nonMonotonicBucketsAreRepairedWithAnInfo() {
        let nonmonotonic = buckets("nonmonotonic_bucket", [:],
            [("0.1", 20), ("1", 10), ("10", 50), ("100", 40), ("1000", 90), ("+Inf", 80)])
        for (q, expected) in [(0.01, 0.0045), (0.5, 8.5), (0.99, 979.75)] {
            var notes = FunctionAnnotations()
            let out = ClassicHistograms.histogramQuantile(q, nonmonotonic, annotations: &notes)
            expectClose(out.first?.value, expected)
            #expect(notes.infos.map(\.message) == [
                "PromQL info: input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) for metric name \"nonmonotonic_bucket\"",
            ])
        }
        let fix = BucketAlgorithms.bucketQuantile(0.5, nonmonotonic.map {
            ClassicBucket(upperBound: GoNumerics.parseFloat($0.labels["le"]!)!, count: $0.value)
        }).fix
        #expect(fix.forcedMonotonic && !fix.fixedPrecision)
        #expect(fix.minBucket == 1 && fix.maxBucket == .infinity && fix.maxDiff == 10)
    }

    @Test func tinyDifferencesAreIgnoredSilently() {
        let noisy = [ClassicBucket(upperBound: 1, count: 1e13), .init(upperBound: 2, count: 1e13 - 1), .init(upperBound: .infinity, count: 2e13)]
        let (value, fix) = BucketAlgorithms.bucketQuantile(0.5, noisy)
        #expect(fix.fixedPrecision && !fix.forcedMonotonic)
        // The second count was levelled to 1e13, so rank 1e13 ends at the first bound.
        expectClose(value, 1)
    }

    @Test func equalBoundsSpelledDifferentlyAreCoalesced() {
        let ins1 = buckets("mixed_bucket", ["instance": "ins1"], [("0.1", 1), ("0.2", 1), ("2e-1", 1), ("2.0e-1", 1), ("+Inf", 4)])
        let ins2 = buckets("mixed_bucket", ["instance": "ins2"], [("+inf", 0), ("+Inf", 0)])
        expectClose(quantiles(0.5, ins1 + ins2)["ins1"], 0.15)
        expectClose(quantiles(0.5, ins1 + ins2)["ins2"], .nan)
        expectClose(quantiles(0.75, ins1)["ins1"], 0.2)
        expectClose(quantiles(1, ins1)["ins1"], 0.2)
    }

    @Test func degenerateHistogramsGiveNaN() {
        #expect(BucketAlgorithms.bucketQuantile(0.5, [.init(upperBound: 1, count: 3)]).value.isNaN) // No +Inf bucket.
        #expect(BucketAlgorithms.bucketQuantile(0.5, [.init(upperBound: .infinity, count: 3)]).value.isNaN) // One bucket.
        let empty = [ClassicBucket(upperBound: 0.1, count: 0), .init(upperBound: .infinity, count: 0)]
        #expect(BucketAlgorithms.bucketQuantile(0.2, empty).value.isNaN) // No observations.
        #expect(BucketAlgorithms.bucketQuantile(0.2, []).value.isNaN)
    }

    @Test func badBucketLabelsAreSkippedWithAWarning() {
        var notes = FunctionAnnotations()
        let input = [element(["ale": "0.1"], 2, name: "series"), element(["le": "Hello World"], 2, name: "series")]
        #expect(ClassicHistograms.histogramQuantile(0.8, input, annotations: &notes).isEmpty)
        #expect(notes.warnings.map(\.message) == [
            "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"\" for metric name \"series\"",
            "PromQL warning: bucket label \"le\" is missing or has a malformed value of \"Hello World\" for metric name \"series\"",
        ])
    }

    @Test func outputDropsLeAndMarksTheNameForDropping() {
        var notes = FunctionAnnotations()
        let out = ClassicHistograms.histogramQuantile(0.5, testhistogram, annotations: &notes)
        #expect(out.map(\.labels) == [
            Labels(name: "testhistogram_bucket", ["start": "positive"]), Labels(name: "testhistogram_bucket", ["start": "negative"]),
        ])
        #expect(out.allSatisfy { $0.dropName })
        #expect(notes.isEmpty)
    }

    @Test func histogramQuantilesLabelsEachPhi() {
        var notes = FunctionAnnotations()
        let out = ClassicHistograms.histogramQuantiles(testhistogram, label: "q", quantiles: [0, 0.25, 1], annotations: &notes)
        #expect(out.map { $0.labels["q"]! } == ["0.0", "0.0", "0.25", "0.25", "1.0", "1.0"])
        #expect(ClassicHistograms.formatOpenMetricsFloat(.nan) == "NaN")
        #expect(ClassicHistograms.formatOpenMetricsFloat(-0.1) == "-0.1")
        #expect(ClassicHistograms.formatOpenMetricsFloat(2) == "2.0")
        #expect(ClassicHistograms.formatOpenMetricsFloat(1e21) == "1e+21")
    }

    @Test func histogramFractionOverClassicBuckets() {
        let positive: [(String, Double)] = [("1", 1), ("2", 3), ("3", 6), ("+Inf", 100)]
        let negative: [(String, Double)] = [("-3", 10), ("-2", 12), ("-1", 15), ("+Inf", 100)]
        let cases: [(Double, Double, [(String, Double)], Double)] = [
            (0, 1.5, positive, 0.02), (-4, -2, negative, 0.02), (-.infinity, -1.5, negative, 0.135),
            (-.infinity, .infinity, positive, 1), (-.infinity, .infinity, negative, 1), (4, 5, positive, 0),
            (0, 1, negative, 0), (2, 5, positive, 0.03), (400, .infinity, positive, 0.94), (2, 2, positive, 0),
            (3, 2, positive, 0), (0, 1, [("+Inf", 100)], 0), (0, 5, [("1", 0), ("2", 0), ("3", 0), ("+Inf", 0)], .nan),
            (2, 3.5, positive, 0.03), (0.5, 2, positive, 0.025), (1, 3, positive, 0.05),
            (0.1, 0.75, [("0.5", 2.5), ("1", 7.5), ("+Inf", 100)], 0.045),
            (-1, 1, [("-2", 5), ("-1", 10), ("0", 15), ("1", 20), ("+Inf", 100)], 0.1),
            (.nan, 1, [("1", 1), ("+Inf", 100)], .nan), (0, .nan, [("1", 1), ("+Inf", 100)], .nan),
            (-10, -5, [("1", 1), ("2", 3), ("+Inf", 10)], 0), (5, 10, [("1", 1), ("2", 3), ("+Inf", 10)], 0),
        ]
        for (lower, upper, counts, expected) in cases {
            var notes = FunctionAnnotations()
            let out = ClassicHistograms.histogramFraction(lower: lower, upper: upper, buckets("h_bucket", [:], counts), annotations: &notes)
            #expect(out.count == 1)
            expectClose(out.first?.value, expected)
            #expect(notes.isEmpty)
        }
        // Ratio of cumulative counts of testhistogram2 at 50m.
        let histogram2 = buckets("testhistogram2_bucket", [:], [("0", 0), ("2", 10), ("4", 20), ("6", 30), ("+Inf", 30)])
        var notes = FunctionAnnotations()
        expectClose(ClassicHistograms.histogramFraction(lower: 0, upper: 4, histogram2, annotations: &notes).first?.value, 0.6666666666666666)
        expectClose(ClassicHistograms.histogramFraction(lower: 0, upper: 3.5, histogram2, annotations: &notes).first?.value, 0.5833333333333334)
    }
}
