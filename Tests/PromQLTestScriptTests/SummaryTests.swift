import MeshMetrics
import PromQLTestScript
import Testing

/// Reports, totals, known failures, and the comparison helpers they rest on.
@Suite struct SummaryTests {
    private func report(_ file: String, passed: Int, failed: [Int], skipped: Int) -> FileReport {
        var report = FileReport(file: file)
        report.passed = (0..<passed).map { FileReport.Pass(line: 1000 + $0, query: "q") }
        report.failed = failed.map { FileReport.Failure(line: $0, query: "q", reason: "expected 1\nbut got 2") }
        report.skipped = (0..<skipped).map { FileReport.Skip(line: 2000 + $0, query: "q", reason: .experimentalFunction("step")) }
        return report
    }

    @Test func perFileLinesAndTotal() {
        let summary = Summary([
            report("aggregators.test", passed: 120, failed: [3, 7, 9], skipped: 10),
            report("subquery.test", passed: 30, failed: [], skipped: 2),
        ])
        #expect(summary.description == """
            aggregators.test: 120 passed, 3 failed, 10 skipped
            subquery.test: 30 passed, 0 failed, 2 skipped
            total: 150 passed, 3 failed, 12 skipped
            """)
        #expect(summary.failureListing == """
            aggregators.test:3 expected 1 but got 2
            aggregators.test:7 expected 1 but got 2
            aggregators.test:9 expected 1 but got 2
            """)
        #expect(summary.skipCounts == ["experimental function step()": 12])
        #expect(summary.passRate == 150.0 / 153.0)
    }

    @Test func knownFailures() throws {
        let summary = Summary([report("aggregators.test", passed: 97, failed: [3, 7], skipped: 5)])
        let known = try KnownFailures.parse("""
            # engine gaps
            aggregators.test:3 stddev rounding
            /path/to/aggregators.test:11 fixed since

            """)
        #expect(known.entries.count == 2 && known.entries[0].reason == "stddev rounding")
        let verdict = summary.check(against: known)
        #expect(verdict.unexpectedFailures.map(\.line) == [7])
        #expect(verdict.resolvedKnownFailures.map(\.line) == [11])
        #expect(verdict.passRate == 97.0 / 99.0)
        #expect(!verdict.isAcceptable())

        let allKnown = try KnownFailures.parse(summary.failureListing)
        let accepted = summary.check(against: allKnown)
        #expect(accepted.unexpectedFailures.isEmpty && accepted.isAcceptable())
        #expect(!accepted.isAcceptable(minimumPassRate: 0.99))
    }

    @Test func malformedKnownFailureLines() {
        for text in ["aggregators.test reason", "aggregators.test:x reason", ":12 reason", "aggregators.test:0"] {
            #expect(throws: ScriptError.self) { try KnownFailures.parse(text) }
        }
    }

    @Test func nothingRanMeansFullPassRate() {
        #expect(Summary([report("literals.test", passed: 0, failed: [], skipped: 3)]).passRate == 1)
    }

    @Test func almostEqualFollowsPromqltest() {
        #expect(ResultComparator.almostEqual(1, 1))
        #expect(ResultComparator.almostEqual(.nan, .nan))
        #expect(ResultComparator.almostEqual(.nan, StaleNaN.value))
        #expect(!ResultComparator.almostEqual(.nan, 1))
        #expect(ResultComparator.almostEqual(.infinity, .infinity))
        #expect(!ResultComparator.almostEqual(.infinity, -.infinity))
        #expect(ResultComparator.almostEqual(100, 100.0001))
        #expect(!ResultComparator.almostEqual(100, 100.001))
        #expect(ResultComparator.almostEqual(1e300, 1.0000001e300))
        // Next to zero the tolerance is tiny.
        #expect(!ResultComparator.almostEqual(0, 1e-300))
        #expect(ResultComparator.almostEqual(0, -0.0))
    }

    @Test func matrixOrderIsByteWiseLabelOrder() {
        let a = labels("m", ["a": "1"])
        let b = labels("m", ["a": "2"])
        let c = labels("m", ["a": "2", "b": "1"])
        #expect(ResultComparator.sortMismatch([(a, []), (b, []), (c, [])]) == nil)
        #expect(ResultComparator.sortMismatch([(b, []), (a, [])]) != nil)
        #expect(ResultComparator.sortMismatch([(c, []), (b, [])]) != nil)
    }

    @Test func messageMatchers() throws {
        #expect(MessageMatcher.any.matches("whatever"))
        #expect(MessageMatcher(.exact("a b")).matches("a b") && !MessageMatcher(.exact("a b")).matches("a b "))
        #expect(try MessageMatcher.regex("vector cannot .*|other").matches("error: vector cannot contain metrics"))
        #expect(throws: ScriptError.self) { try MessageMatcher.regex("(") }
    }
}
