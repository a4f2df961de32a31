import MeshMetrics
import PromQLTestScript
import Testing

/// Which evals run, on examples modelled on the scripts.
@Suite struct ScopeFilterTests {
    private func reasons(_ text: String, file: String = "functions.test", filter: ScopeFilter = ScopeFilter()) throws -> [SkipReason?] {
        let parsed = try script(text, file: file)
        let reasons = filter.skipReasons(for: parsed)
        return parsed.evals.map { reasons[$0.line] }
    }

    @Test func filesInAndOutOfScope() {
        let filter = ScopeFilter()
        #expect(filter.isInScope(file: "aggregators.test"))
        #expect(filter.isInScope(file: "/some/dir/subquery.test"))
        #expect(!filter.isInScope(file: "native_histograms.test"))
        #expect(!filter.isInScope(file: "duration_expression.test"))
    }

    @Test func plainFloatEvalsRun() throws {
        #expect(try reasons("""
            load 1m
              x{a="1"} 1 2 3

            eval instant at 1m rate(x[5m]) * on(a) group_left(b) x offset -1m @ start()

            eval range from 0 to 2m step 1m sum by (a) (x[5m:1m] offset 50)

            eval instant at 2m label_replace(x, "dst", "$1", "src", "(.*)[5m+1m]")
            """) == [nil, nil, nil])
    }

    @Test func nativeHistogramsInLoadedDataSkipOnlyTheEvalsThatReachThem() throws {
        #expect(try reasons("""
            load 5m
              http_requests{job="api", instance="0"} 0+10x10
              http_requests{job="api", instance="h"} {{schema:0 sum:10 count:10}}x10
              other{job="api"} 1 2 3

            eval instant at 50m http_requests{instance="0"}

            eval instant at 50m count(http_requests)

            eval instant at 50m max({job="api"})

            eval instant at 50m sum(other)

            eval instant at 50m {__name__=~"http_requests|other", instance=~"h|z"}

            clear

            eval instant at 50m count(http_requests)
            """) == [
            nil,
            .nativeHistogramData(series: #"http_requests{instance="h",job="api"}"#),
            .nativeHistogramData(series: #"http_requests{instance="h",job="api"}"#),
            nil,
            .nativeHistogramData(series: #"http_requests{instance="h",job="api"}"#),
            nil,
        ])
    }

    @Test func nativeHistogramsInExpectedResults() throws {
        #expect(try reasons("""
            eval instant at 0 vector(1)
              {} {{count:1}}
            """) == [.nativeHistogramResult])
    }

    @Test func loadWithNHCBSkipsQueriesOnTheConvertedHistogram() throws {
        #expect(try reasons("""
            load_with_nhcb 5m
              testhistogram_bucket{le="0.1", start="positive"} 0+5x10
              testhistogram_bucket{le="+Inf", start="positive"} 0+7x10
              testhistogram_count{start="positive"} 0+7x10

            eval instant at 50m histogram_quantile(0.5, testhistogram_bucket)

            eval instant at 50m histogram_quantile(0.5, testhistogram)

            eval instant at 50m histogram_count(testhistogram_count)
            """, file: "histograms.test") == [
            nil,
            .customBucketHistogramData(series: #"testhistogram{start="positive"}"#),
            .nativeHistogramFunction("histogram_count"),
        ])
    }

    @Test func experimentalFunctionsAndSyntax() throws {
        #expect(try reasons("""
            eval range from 0 to 10s step 5s step()

            eval instant at 1m integral(x[1m])

            eval instant at 1m x + fill(0) y

            eval instant at 1m rate(x[5m] smoothed)

            eval instant at 1m changes(x[26m+4m])

            eval instant at 1m x offset (1m * 2)

            eval instant at 1m count_over_time(x[step()])

            eval instant at 1m info(x)
            """) == [
            .experimentalFunction("step"),
            .experimentalFunction("integral"),
            .experimentalSyntax(.fillModifier),
            .experimentalSyntax(.extendedRangeSelector),
            .experimentalSyntax(.durationExpression),
            .experimentalSyntax(.durationExpression),
            .experimentalSyntax(.durationExpression),
            .experimentalFunction("info"),
        ])
    }

    @Test func theTablesShrinkAsTheEngineGrows() throws {
        var filter = ScopeFilter()
        filter.experimentalFunctions.remove("mad_over_time")
        filter.experimentalSyntax.remove(.durationExpression)
        #expect(try reasons("""
            eval instant at 1m mad_over_time(x[1m])

            eval instant at 1m changes(x[26m+4m])
            """, filter: filter) == [nil, nil])
    }

    @Test func outOfScopeFileSkipsEverything() throws {
        #expect(try reasons("eval instant at 0 1\n  1\n", file: "info.test") == [.outOfScopeFile])
    }

    @Test func startTimestampsAreOutOfScope() throws {
        #expect(try reasons("""
            load 1m
              m@st _ -1m
              m 1 2

            eval instant at 1m m
            """) == [.startTimestamps])
    }

    @Test func queryFeatures() {
        let features = QueryFeatures(query: #"sum by (job) (rate(foo{a="b"}[5m])) / on(job) group_left bar + {"dotted.name"} + {__name__="baz"} and ignoring(x) {job=~".+"}"#)
        #expect(features.functionCalls == ["sum", "rate"])
        #expect(features.metricNames == ["foo", "bar", "dotted.name", "baz"])
        #expect(features.hasSelectorWithoutName)
        #expect(features.selectors.count == 5)
        #expect(features.experimentalSyntax.isEmpty)
        let subquery = QueryFeatures(query: "max_over_time(rate(x[1m])[5m:30s]) @ end()")
        #expect(subquery.functionCalls == ["max_over_time", "rate"] && subquery.experimentalSyntax.isEmpty)
    }

    @Test func skipCategoriesGroupNativeReasons() {
        #expect(SkipReason.nativeHistogramResult.category == SkipReason.nativeHistogramData(series: "x").category)
        #expect(SkipReason.experimentalFunction("step").category == "experimental function step()")
    }
}
