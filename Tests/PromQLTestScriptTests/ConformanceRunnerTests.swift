import MeshMetrics
import PromQLTestScript
import Testing

/// The runner with fake engines: right answers pass, wrong ones fail with a reason.
@Suite struct ConformanceRunnerTests {
    private func run(_ text: String, file: String = "selectors.test", engine: inout some ConformanceEngine,
                     runner: ConformanceRunner = ConformanceRunner()) async throws -> FileReport {
        await runner.run(script: try script(text, file: file), engine: &engine)
    }

    private func stubRun(_ text: String, instant: [String: StubEngine.Answer] = [:], range: [String: StubEngine.Answer] = [:],
                         runner: ConformanceRunner = ConformanceRunner(checksInstantQueriesInRangeMode: false)) async throws -> FileReport {
        var engine = StubEngine(instant: instant, range: range)
        return try await run(text, engine: &engine, runner: runner)
    }

    private func vector(_ entries: [(Labels, Double)], warnings: [String] = []) -> StubEngine.Answer {
        .outcome(.vector(entries.map { ($0.0, Sample(timestamp: 0, value: $0.1)) }, warnings: warnings))
    }

    @Test func realStalenessScriptAgainstTheDictionaryEngine() async throws {
        var engine = DictionaryEngine()
        let report = await ConformanceRunner.run(script: try ConformanceFixtures.script("staleness.test"), engine: &engine)
        // The ten bare-selector evals pass (range mode included); the seven
        // count_over_time evals fail because the fake cannot evaluate them.
        #expect(report.passed.map(\.line) == [5, 8, 10, 13, 17, 20, 49, 52, 55, 58])
        #expect(report.failed.count == 7)
        #expect(report.failed.allSatisfy { $0.query.hasPrefix("count_over_time") && $0.reason.hasPrefix("unexpected error: unsupported query") })
        #expect(report.skipped.isEmpty && report.setupErrors.isEmpty)
        #expect(engine.clears == 2 && engine.loads == 2)
        #expect(report.summaryLine == "staleness.test: 10 passed, 7 failed, 0 skipped")
    }

    @Test func wrongValuesLabelsAndCountsFail() async throws {
        var engine = DictionaryEngine()
        let report = try await run("""
            load 1m
              m{a="x"} 1 2 3
              m{a="y"} 10 20 30

            eval instant at 2m m
              m{a="x"} 3
              m{a="y"} 30

            eval instant at 2m m
              m{a="x"} 4
              m{a="y"} 30

            eval instant at 2m m
              m{a="x"} 3
              m{a="z"} 30

            eval instant at 2m m{a="x"}
              m{a="x"} 3
              m{a="y"} 30

            eval instant at 2m m{a="x"}

            eval range from 0 to 2m step 1m m{a="x"}
              m{a="x"} 1 2 3

            eval range from 0 to 2m step 1m m{a="x"}
              m{a="x"} 1 _ 3

            eval instant at 2m m{a="x"}
              3
            """, engine: &engine)
        #expect(report.passed.map(\.line) == [5, 23])
        let reasons = Dictionary(uniqueKeysWithValues: report.failed.map { ($0.line, $0.reason) })
        #expect(reasons[9] == #"expected 4 for m{a="x"} but got 3"#)
        #expect(reasons[13]?.hasPrefix(#"unexpected metric m{a="y"} in result"#) == true)
        #expect(reasons[17]?.hasPrefix(#"expected metric m{a="y"} with [30] not found"#) == true)
        #expect(reasons[21]?.hasPrefix(#"unexpected metric m{a="x"} in result, has value 3"#) == true)
        #expect(reasons[26]?.hasPrefix(#"expected 2 float points for m{a="x"}, but got 3 points"#) == true)
        #expect(reasons[29] == "expected scalar result, but got vector [m{a=\"x\"} => 3]")
    }

    @Test func orderMattersOnlyWhenExpected() async throws {
        let a = labels("m", ["a": "1"])
        let b = labels("m", ["a": "2"])
        let report = try await stubRun("""
            eval instant at 0 sort_desc(m)
              m{a="1"} 1
              m{a="2"} 2

            eval instant at 0 sort_desc(m)
              expect ordered
              m{a="2"} 2
              m{a="1"} 1

            eval instant at 0 sort_desc(m)
              expect ordered
              m{a="1"} 1
              m{a="2"} 2

            eval_ordered instant at 0 sort_desc(m)
              m{a="1"} 1
              m{a="2"} 2
            """, instant: ["sort_desc(m)": vector([(b, 2), (a, 1)])])
        #expect(report.passed.map(\.line) == [1, 5])
        #expect(report.failed.map(\.line) == [10, 15])
        #expect(report.failed.first?.reason == #"expected metric m{a="2"} at position 2 but was at 1"#)
    }

    @Test func expectFail() async throws {
        let report = try await stubRun("""
            eval instant at 0 broken(
              expect fail

            eval instant at 0 broken(
              expect fail msg: parse error: unclosed left parenthesis

            eval instant at 0 broken(
              expect fail regex: unclosed (left|right)

            eval instant at 0 broken(
              expect fail msg: something else

            eval instant at 0 fine
              expect fail

            eval_fail instant at 0 broken(

            eval instant at 0 broken(
            """, instant: [
                "broken(": .failure("parse error: unclosed left parenthesis"),
                "fine": vector([]),
            ])
        #expect(report.passed.map(\.line) == [1, 4, 7, 16])
        #expect(report.failed.map(\.line) == [10, 13, 18])
        #expect(report.failed[0].reason == "expected error matching message \"something else\", but got: parse error: unclosed left parenthesis")
        #expect(report.failed[1].reason == "expected an error, but got a vector result")
        #expect(report.failed[2].reason == "unexpected error: parse error: unclosed left parenthesis")
    }

    @Test func annotationsAreReportedApart() async throws {
        let report = try await stubRun("""
            eval instant at 0 sum(m)
              expect no_warn

            eval instant at 0 sum(m)
              expect warn msg: PromQL warning: mixed (1:5)

            eval instant at 0 sum(m)
              expect warn regex: something else

            eval instant at 0 sum(m)
            """, instant: ["sum(m)": vector([], warnings: ["PromQL warning: mixed (1:5)"])])
        #expect(report.passed.count == 4 && report.failed.isEmpty)
        #expect(report.annotationMismatches.map(\.line) == [1, 7])
        #expect(report.annotationMismatches[0].reason.hasPrefix("unexpected warning annotations"))
    }

    @Test func scalarsStringsAndTolerance() async throws {
        let report = try await stubRun("""
            eval instant at 0 a
              1

            eval instant at 0 b
              1

            eval instant at 0 c
              NaN

            eval instant at 0 d
              expect string "Foo"

            eval instant at 0 e
              {} 1

            eval instant at 0 f
              NaN
            """, instant: [
                "a": .outcome(.scalar(Sample(timestamp: 0, value: 1.000_000_1))),
                "b": .outcome(.scalar(Sample(timestamp: 0, value: 1.000_01))),
                "c": .outcome(.scalar(Sample(timestamp: 0, value: .nan))),
                "d": .outcome(.string("Foo")),
                "e": .outcome(.scalar(Sample(timestamp: 0, value: 1))),
                "f": .outcome(.scalar(Sample(timestamp: 0, value: StaleNaN.value))),
            ])
        #expect(report.passed.map(\.line) == [1, 7, 10])
        #expect(report.failed.map(\.reason) == [
            "expected scalar 1 but got 1.00001",
            "expected vector or matrix result, but got scalar 1",
            "scalar result is a stale marker",
        ])
    }

    @Test func rangeQueriesNeedSortedMatrices() async throws {
        let x = labels("m", ["a": "x"])
        let y = labels("m", ["a": "y"])
        let points = [Sample(timestamp: 0, value: 1), Sample(timestamp: 60_000, value: 2)]
        let text = """
            eval range from 0 to 1m step 1m m
              m{a="x"} 1 2
              m{a="y"} 1 2
            """
        let sorted = try await stubRun(text, range: ["m": .outcome(.matrix([(x, points), (y, points)]))])
        #expect(sorted.passed.count == 1)
        let unsorted = try await stubRun(text, range: ["m": .outcome(.matrix([(y, points), (x, points)]))])
        #expect(unsorted.failed.first?.reason.hasPrefix("matrix results should always be sorted by labels") == true)
        let vector = try await stubRun(text, range: ["m": vector([(x, 1)])])
        #expect(vector.failed.first?.reason == "range query returned a vector, expected a matrix")
    }

    @Test func instantEvalsAreCheckedInRangeMode() async throws {
        let m = labels("m")
        let text = "eval instant at 2m m\n  m 5\n"
        let around = [Sample(timestamp: 60_000, value: 4), Sample(timestamp: 120_000, value: 5), Sample(timestamp: 180_000, value: 6)]
        let instant: [String: StubEngine.Answer] = ["m": vector([(m, 5)])]
        let good = try await stubRun(text, instant: instant, range: ["m": .outcome(.matrix([(m, around)]))], runner: ConformanceRunner())
        #expect(good.passed.count == 1)
        let drifting = around.map { Sample(timestamp: $0.timestamp, value: $0.value + 1) }
        let bad = try await stubRun(text, instant: instant, range: ["m": .outcome(.matrix([(m, drifting)]))], runner: ConformanceRunner())
        #expect(bad.failed.first?.reason == "in range mode: expected 5 for m but got 6")
        let off = try await stubRun(text, instant: instant, range: ["m": .outcome(.matrix([(m, drifting)]))])
        #expect(off.passed.count == 1)
    }

    @Test func instantRangeVectorResults() async throws {
        let m = labels("some_metric", ["env": "a"])
        let samples = [10_000, 20_000, 40_000, 50_000].map { Sample(timestamp: Int64($0), value: Double($0 / 10_000 + 1)) }
        let report = try await stubRun("""
            eval instant at 1m some_metric[1m]
              expect range vector from 10s to 1m step 10s
              some_metric{env="a"} 2 3 _ 5 6

            eval instant at 1m some_metric[1m]
              some_metric{env="a"} 2
            """, instant: ["some_metric[1m]": .outcome(.matrix([(m, samples)]))])
        #expect(report.passed.map(\.line) == [1])
        #expect(report.failed.first?.reason == #"expected 1 points for some_metric{env="a"}, but query time range cannot return this many points"#)
    }

    @Test func skippedEvalsAndOutOfScopeFilesDoNotReachTheEngine() async throws {
        var engine = DictionaryEngine()
        let text = """
            load 1m
              m 1 {{count:1}}

            eval instant at 0 m
              m 1

            eval instant at 0 step()
              0
            """
        let inScope = try await run(text, file: "functions.test", engine: &engine)
        #expect(inScope.skipped.map(\.reason) == [.nativeHistogramData(series: "m"), .experimentalFunction("step")])
        #expect(inScope.skipCounts == ["native histograms": 1, "experimental function step()": 1])
        #expect(engine.loads == 1)

        var untouched = DictionaryEngine()
        let outOfScope = try await run(text, file: "native_histograms.test", engine: &untouched)
        #expect(outOfScope.skipped.count == 2 && Set(outOfScope.skipped.map(\.reason)) == [.outOfScopeFile])
        #expect(untouched.loads == 0 && untouched.clears == 0)
    }
}
