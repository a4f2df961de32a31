import MeshMetrics
import PromQLTestScript
import Testing

/// Every Prometheus script parses, with the command counts the files hold.
@Suite struct ScriptCorpusTests {
    /// Counted once with grep (`^\s*eval(_\w+)?\s+instant`, `...range`, `^\s*load`,
    /// `^\s*clear`) and checked by hand on collision, literals and staleness below.
    static let counts: [String: (evals: Int, instant: Int, range: Int, loads: Int, clears: Int)] = [
        "aggregators.test": (160, 153, 7, 20, 19),
        "at_modifier.test": (78, 63, 15, 5, 3),
        "collision.test": (2, 2, 0, 2, 2),
        "duration_expression.test": (59, 30, 29, 4, 3),
        "extended_vectors.test": (169, 162, 7, 27, 27),
        "fill-modifier.test": (46, 39, 7, 12, 11),
        "functions.test": (431, 394, 37, 53, 46),
        "histograms.test": (185, 185, 0, 37, 4),
        "info.test": (53, 4, 49, 17, 16),
        "limit.test": (37, 13, 24, 1, 0),
        "literals.test": (25, 25, 0, 0, 0),
        "name_label_dropping.test": (30, 29, 1, 3, 2),
        "native_histograms.test": (522, 502, 20, 74, 55),
        "operators.test": (214, 113, 101, 17, 13),
        "range_queries.test": (18, 5, 13, 10, 9),
        "selectors.test": (31, 31, 0, 7, 4),
        "staleness.test": (17, 17, 0, 2, 1),
        "start_timestamps.test": (26, 7, 19, 10, 10),
        "subquery.test": (34, 34, 0, 6, 4),
        "trig_functions.test": (19, 19, 0, 1, 1),
        "type_and_unit.test": (58, 58, 0, 2, 1),
    ]

    @Test func theDirectoryHoldsExactlyTheKnownScripts() throws {
        #expect(Set(try ConformanceFixtures.fileNames()) == Set(Self.counts.keys))
    }

    @Test(arguments: counts.keys.sorted())
    func scriptParsesWithItsCommandCounts(_ name: String) throws {
        let script = try ConformanceFixtures.script(name)
        let want = try #require(Self.counts[name])
        let instant = script.evals.filter(\.isInstant).count
        #expect(script.evals.count == want.evals)
        #expect(instant == want.instant)
        #expect(script.evals.count - instant == want.range)
        #expect(script.loads.count == want.loads)
        #expect(script.commands.filter { if case .clear = $0 { true } else { false } }.count == want.clears)
        // Lines are increasing and every query is non-empty text.
        let lines = script.commands.map(\.line)
        #expect(lines == lines.sorted() && Set(lines).count == lines.count)
        #expect(script.evals.allSatisfy { !$0.query.isEmpty })
    }

    @Test func collisionByHand() throws {
        let script = try ConformanceFixtures.script("collision.test")
        guard script.commands.count == 6,
              case .load(let first) = script.commands[0], case .eval(let join) = script.commands[1],
              case .clear = script.commands[2], case .load(let second) = script.commands[3],
              case .eval(let failing) = script.commands[4], case .clear = script.commands[5] else {
            Issue.record("unexpected commands \(script.commands)")
            return
        }
        #expect(first.line == 2 && first.interval == 1000 && first.series.count == 4)
        #expect(first.series[0].labels.metricName == "node_namespace_pod:kube_pod_info:")
        #expect(first.floatSeries().map(\.samples.count) == [1, 1, 1, 1])
        #expect(join.line == 8 && join.timing == .instant(at: 4000))
        #expect(join.query.hasPrefix("count by(namespace, pod, cpu) (node_cpu_seconds_total{cpu=~\".*\""))
        #expect(join.query.hasSuffix("group_left(node) node_namespace_pod:kube_pod_info:{namespace=\"observability\",pod=\"node-exporter-l454v\"}"))
        #expect(join.expectedSeries.count == 3)
        #expect(join.expectedSeries.map { $0.labels["cpu"] } == ["10", "35", "89"])
        #expect(join.expectedSeries.allSatisfy { $0.values == [.float(1)] && $0.labels.count == 4 })
        #expect(second.interval == 300_000)
        #expect(failing.line == 20 && failing.query == "ceil({__name__=~'testmetric1|testmetric2'})")
        #expect(failing.expectations.fail == [.any] && failing.expectedSeries.isEmpty)
    }

    @Test func literalsByHand() throws {
        let evals = try ConformanceFixtures.script("literals.test").evals
        #expect(evals.count == 25)
        #expect(evals.allSatisfy { $0.timing == .instant(at: 3_000_000) })
        #expect(evals[0].query == "12.34e6" && evals[0].expectedScalar == 12_340_000)
        #expect(evals[2].expectedScalar == 0.00001234)
        #expect(evals[5].query == "1 - -1" && evals[5].expectedScalar == 2)
        #expect(evals[9].query == "+Inf" && evals[9].expectedScalar == .infinity)
        #expect(evals[11].query == "-inf" && evals[11].expectedScalar == -.infinity)
        #expect(evals[12].expectedScalar?.isNaN == true)
        #expect(evals[14].query == "2." && evals[14].expectedScalar == 2)
        #expect(evals[20].query == "(\"Foo\")" && evals[20].expectedString == "Foo")
        #expect(evals[22].query == "\" Foo \"" && evals[22].expectedString == " Foo ")
        #expect(evals[23].expectedString == "")
        // The file ends without a newline after the last expectation.
        #expect(evals[24].query == "\"\"" && evals[24].expectedString == "" && evals[24].expectedScalar == nil)
    }

    @Test func stalenessByHand() throws {
        let script = try ConformanceFixtures.script("staleness.test")
        let load = try #require(script.loads.first)
        let samples = try #require(load.floatSeries().first?.samples)
        #expect(identical(samples, [
            Sample(timestamp: 0, value: 0), Sample(timestamp: 10_000, value: 1),
            Sample(timestamp: 20_000, value: StaleNaN.value), Sample(timestamp: 30_000, value: 2),
        ]))
        let evals = script.evals
        #expect(evals.count == 17)
        #expect(evals[1].line == 8 && evals[1].timing == .instant(at: 20_000) && evals[1].expectedSeries.isEmpty)
        #expect(evals[4].timing == .instant(at: 329_000))
        #expect(evals[4].expectedSeries == [SeriesDescription(labels: labels("metric"), values: [.float(2)])])
        #expect(evals[6].query == "count_over_time(metric[1m])")
        #expect(evals[6].expectedSeries == [SeriesDescription(labels: Labels([:]), values: [.float(3)])])
        #expect(evals[12].query == "count_over_time(metric[20])")
    }

    @Test func everyInScopeEvalHasAScopeDecision() throws {
        let filter = ScopeFilter()
        var ran = 0
        var skipped = 0
        for name in try ConformanceFixtures.fileNames() where filter.isInScope(file: name) {
            let script = try ConformanceFixtures.script(name)
            let reasons = filter.skipReasons(for: script)
            #expect(reasons.values.allSatisfy { $0 != .outOfScopeFile })
            skipped += reasons.count
            ran += script.evals.count - reasons.count
        }
        #expect(ran + skipped == 1281)
        // Most in-scope evals run; the rest need native histograms or experimental features.
        #expect(ran > 800)
    }

    @Test func outOfScopeFilesAreSkippedWhole() throws {
        let filter = ScopeFilter()
        for name in ["native_histograms.test", "info.test", "fill-modifier.test", "start_timestamps.test"] {
            let script = try ConformanceFixtures.script(name)
            let reasons = filter.skipReasons(for: script)
            #expect(reasons.count == script.evals.count)
            #expect(Set(reasons.values) == [.outOfScopeFile])
        }
    }
}
