import MeshMetrics
import PromQLTestScript
import Testing

/// The command layer: load/clear/eval blocks, expect lines, deprecated forms, errors.
@Suite struct ScriptSyntaxTests {
    @Test func loadBlocks() throws {
        let parsed = try script("""
            # comment
            load 1m
              a 1 2
              b{x="y"} 0+1x2

            load_with_nhcb 30s
              h_bucket{le="1"} 1

            clear
            """)
        #expect(parsed.commands.map(\.line) == [2, 6, 9])
        guard case .load(let first) = parsed.commands[0], case .load(let second) = parsed.commands[1],
              case .clear(line: 9) = parsed.commands[2] else {
            Issue.record("unexpected commands \(parsed.commands)")
            return
        }
        #expect(first.interval == 60_000 && !first.withNHCB && first.series.count == 2)
        let loaded = first.floatSeries()
        #expect(loaded.map(\.labels) == [labels("a"), labels("b", ["x": "y"])])
        #expect(identical(loaded[1].samples, [
            Sample(timestamp: 0, value: 0), Sample(timestamp: 60_000, value: 1), Sample(timestamp: 120_000, value: 2),
        ]))
        #expect(second.interval == 30_000 && second.withNHCB)
    }

    @Test func aRepeatedSeriesInOneLoadReplacesTheEarlierLine() throws {
        let load = try #require(try script("load 1m\n  a 1\n  b 2\n  a 3\n").loads.first)
        #expect(load.series.map(\.labels) == [labels("a"), labels("b")])
        #expect(load.series[0].values == [.float(3)])
    }

    @Test func instantAndRangeHeaders() throws {
        let evals = try script("""
            eval instant at 1h30m sum by (job) (rate(x[5m]))

            eval range from 0 to 10m step 30s  x  +  y

            eval instant at 0 vector(1)
            """).evals
        #expect(evals[0].timing == .instant(at: 5_400_000) && evals[0].query == "sum by (job) (rate(x[5m]))")
        #expect(evals[1].timing == .range(start: 0, end: 600_000, step: 30_000))
        // The query is kept as written, inner spacing included.
        #expect(evals[1].query == "x  +  y")
        #expect(evals[2].timing == .instant(at: 0) && evals[2].line == 5)
    }

    @Test func expectationKinds() throws {
        let evals = try script("""
            eval instant at 1m sum(x)
              expect warn msg: PromQL warning: something (1:5)
              expect info regex: PromQL info: .* \\(1:5\\)
              expect ordered
              {a="1"} 1

            eval instant at 1m y
              expect no_warn
              expect no_info

            eval instant at 1m z
              expect fail msg:invalid label name "a\\xc5z"

            eval instant at 1m w
              expect fail regex: conflicting label|other
            """).evals
        #expect(evals[0].expectations.warnings == [MessageMatcher(.exact("PromQL warning: something (1:5)"))])
        #expect(evals[0].expectations.infos == [MessageMatcher(.regex("PromQL info: .* \\(1:5\\)"))])
        #expect(evals[0].expectations.ordered && !evals[0].expectations.mustFail)
        #expect(evals[0].expectedSeries.count == 1)
        #expect(evals[1].expectations.noWarnings && evals[1].expectations.noInfos)
        #expect(evals[2].expectations.fail == [MessageMatcher(.exact("invalid label name \"a\\xc5z\""))])
        #expect(evals[3].expectations.fail.first?.matches("found conflicting label set") == true)
        #expect(evals[3].expectations.fail.first?.matches("nope") == false)
    }

    @Test func deprecatedEvalForms() throws {
        let evals = try script("""
            eval_fail instant at 0 label_replace(x, "a", "b", "c", "d")

            eval_fail instant at 0 x
              expected_fail_message vector cannot contain metrics with the same labelset

            eval_warn range from 0 to 1m step 1m x

            eval_info instant at 0 x

            eval_ordered instant at 0 sort(x)
              x{a="1"} 1
              x{a="2"} 2
            """).evals
        #expect(evals[0].expectations.fail == [.any])
        #expect(evals[1].expectations.fail == [.any, MessageMatcher(.exact("vector cannot contain metrics with the same labelset"))])
        #expect(evals[2].expectations.requiresWarning && !evals[2].isInstant)
        #expect(evals[3].expectations.requiresInfo)
        #expect(evals[4].expectations.ordered && evals[4].expectedSeries.count == 2)
    }

    @Test func scalarStringAndRangeVectorResults() throws {
        let evals = try script("""
            eval instant at 50m 1 / 0
            \t+Inf

            eval instant at 50m {} 3
              {} 3

            eval instant at 50m "Foo"
              expect string `Foo`

            eval instant at 1m some_metric[1m]
              expect range vector from 10s to 1m step 10s
              some_metric{env="a"} 2 3 _ 5 6
            """).evals
        #expect(evals[0].expectedScalar == .infinity && evals[0].expectedSeries.isEmpty)
        // `{} 3` is a series without labels, not a scalar.
        #expect(evals[1].expectedScalar == nil && evals[1].expectedSeries.first?.labels.isEmpty == true)
        #expect(evals[2].expectedString == "Foo" && !evals[2].isCheckedInRangeMode)
        #expect(evals[3].expectedRangeVector == EvalCommand.Grid(start: 10_000, end: 60_000, step: 10_000))
        #expect(evals[3].evaluationTime == 60_000)
        #expect(evals[3].expectedSeries.first?.values.count == 5)
    }

    @Test func scalarLinesReadNumbersLikeGo() throws {
        // ParseInt(s, 0, 64) first (hex, octal, separators), then ParseFloat.
        let cases: [(String, Double)] = [
            ("0x1F", 31), ("010", 8), ("1_000", 1000), ("-7", -7), ("0x1p-2", 0.25), ("1e3", 1000),
            (".5", 0.5), ("-Inf", -.infinity), ("Infinity", .infinity), ("0b101", 5), ("0o17", 15),
        ]
        for (text, value) in cases {
            let eval = try #require(try script("eval instant at 0 x\n  \(text)\n").evals.first)
            #expect(eval.expectedScalar == value, "\(text)")
        }
        // Out of range for a double: not a number, and not a series line either.
        #expect(throws: ScriptError.self) { try script("eval instant at 0 x\n  1e400\n") }
    }

    @Test func aScalarLineOrACommentEndsTheBlock() throws {
        let parsed = try script("""
            eval instant at 0 1
              1
            eval instant at 0 2
              2
              # a comment ends the block like a blank line
            """)
        #expect(parsed.evals.map(\.expectedScalar) == [1, 2])
        #expect(throws: ScriptError.self) {
            try script("eval instant at 0 x\n  # note\n  x 1\n")
        }
    }

    @Test func rangeModeExclusions() throws {
        let evals = try script("""
            eval instant at 0 x

            eval instant at 0 time() - start()

            eval range from 0 to 1m step 1m x
            """).evals
        #expect(evals[0].isCheckedInRangeMode)
        #expect(!evals[1].isCheckedInRangeMode)
        #expect(!evals[2].isCheckedInRangeMode)
    }

    @Test func errorsCarryFileAndLine() {
        let cases: [(String, Int)] = [
            ("load 1m\n  a 1\n  b 1+\n", 3),
            ("\n\nfrobnicate\n", 3),
            ("eval instant at 5 x\n", 1),
            ("eval range from 1m to 0 step 1m x\n", 1),
            ("eval instant at 1m x\n  x 1 2\n", 2),
            ("eval instant at 1m x\n  expect warn\n  expect no_warn\n", 3),
            ("eval instant at 1m x\n  expect fail\n  expect fail\n", 3),
            ("eval instant at 1m x\n  expect sometimes\n", 2),
            ("eval instant at 1m x\n  expect fail regex: (unclosed\n", 2),
            ("eval instant at 1m x\n  expect string Foo\n", 2),
            ("eval_ordered range from 0 to 1m step 1m x\n", 1),
            ("load 1m\n  m@st _ _\n", 2),
            ("load xyz\n", 1),
        ]
        for (text, line) in cases {
            do {
                _ = try TestScript.parse(text, file: "bad.test")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.file == "bad.test" && error.line == line, "\(text) -> \(error)")
            }
        }
    }

    @Test func startTimestampLines() throws {
        let load = try #require(try script("""
            load 1m
              @st _ -1m
              m@st _ -30s-1mx2
              m _ 1 2 3
              n 1 2
            """).loads.first)
        #expect(load.usesStartTimestamps)
        #expect(load.defaultStartTimestampOffsets == [nil, -60_000])
        #expect(load.series[0].startTimestampOffsets == [nil, -30_000, -90_000, -150_000])
        #expect(load.series[1].startTimestampOffsets == nil)
    }
}
