import MeshMetrics
import Storage
import Testing

/// `BackfillWriter` driven by `MetricsImporter` on timestamped OpenMetrics text: older
/// data beside live data, idempotent re-imports, partial imports, exact labels.
@Suite("Backfill import")
struct BackfillTests {
    let ok = Labels(name: "http_requests_total", ["code": "200", "job": "api"])
    let failed = Labels(name: "http_requests_total", ["code": "500", "job": "api"])
    let okKey = #"http_requests_total{code="200",job="api"}"#
    let failedKey = #"http_requests_total{code="500",job="api"}"#
    let header = ["# HELP http_requests Requests served.", "# TYPE http_requests counter"]

    /// 11 live samples one minute apart from `baseTime`.
    let live = regularSamples(from: baseTime, step: minute, count: 11) { Double(100 + $0) }
    /// The hour before the live data.
    let older = regularSamples(from: baseTime - hour, step: minute, count: 60) { Double($0) }
    /// Between the live samples: +30 s, +90 s, … +9 min 30 s.
    let interleaved = regularSamples(from: baseTime + 30 * second, step: minute, count: 10) { Double(50 + $0) }

    @Test("older data lands next to live data in the same series, and live appends continue")
    func importNextToLiveData() async throws {
        try await withTemporaryDirectory { directory in
            try await liveAppend(directory, ok, live)
            let text = openMetricsText(header + older.map { sampleLine(okKey, $0) } + older.map { sampleLine(failedKey, $0) })
            let outcome = try runImport(text, into: directory)
            #expect(outcome.error == nil)
            #expect(outcome.summary.samples == 120)
            #expect(outcome.summary.committedSamples == 120)
            #expect(outcome.summary.duplicates == 0)
            #expect(outcome.summary.conflicts == 0)
            #expect(outcome.summary.newSeries == 1)
            #expect(outcome.summary.chunks == 2)

            let store = try MetricsStore(directory: directory)
            let stored = try await store.select(allSeriesMatcher(), from: .min, through: .max)
            #expect(samples(of: ok, in: stored) == bits(older + live))
            #expect(samples(of: failed, in: stored) == bits(older))
            #expect(try await store.series(allSeriesMatcher()) == [ok, failed])
            #expect(try await store.storedMetadata() == ["http_requests": MetricMetadata(type: .counter, help: "Requests served.")])
            #expect(await store.statistics().chunks == 3)

            // The live head is unaffected: it continues after the last live sample.
            let next = Sample(timestamp: baseTime + 11 * minute, value: 111)
            let summary = try await store.append(batch(ok, [next, Sample(timestamp: baseTime - 2 * hour, value: 0)]))
            #expect(summary.appended == 1)
            #expect(summary.outOfOrder == 1)
            #expect(samples(of: ok, in: try await store.select(named("http_requests_total"), from: .min, through: .max))
                == bits(older + live + [next]))
            #expect(await store.statistics().chunks == 3)
            #expect(try storedSampleCount(directory) == 60 + 11 + 60 + 1)
            try await expectIntact(store)
        }
    }

    @Test("re-importing the same file stores nothing twice", arguments: ["older", "interleaved"])
    func reimportIsIdempotent(which: String) async throws {
        try await withTemporaryDirectory { directory in
            try await liveAppend(directory, ok, live)
            let imported = which == "older" ? older : interleaved
            let text = openMetricsText(header + imported.map { sampleLine(okKey, $0) })

            let first = try runImport(text, into: directory)
            #expect(first.error == nil)
            #expect(first.summary.samples == imported.count)
            #expect(first.summary.duplicates == 0)
            let afterFirst = try storedSampleCount(directory)
            #expect(afterFirst == Int64(live.count + imported.count))

            for attempt in 1 ... 2 {
                let again = try runImport(text, into: directory)
                #expect(again.error == nil)
                #expect(again.summary.duplicates == imported.count, "attempt \(attempt)")
                #expect(again.summary.samples == 0, "attempt \(attempt)")
                #expect(again.summary.conflicts == 0)
                #expect(again.summary.newSeries == 0)
                #expect(again.summary.chunks == 0, "attempt \(attempt)")
                #expect(try storedSampleCount(directory) == afterFirst, "attempt \(attempt)")
            }
            let stored = try await selectAll(in: directory)
            #expect(samples(of: ok, in: stored) == bits((live + imported).sorted { $0.timestamp < $1.timestamp }))
        }
    }

    @Test("a stored sample with another value is a conflict, not overwritten")
    func conflictingImport() async throws {
        try await withTemporaryDirectory { directory in
            try await liveAppend(directory, ok, live)
            let changed = live.map { Sample(timestamp: $0.timestamp, value: $0.value + 0.5) }
            let outcome = try runImport(openMetricsText(header + changed.map { sampleLine(okKey, $0) }), into: directory)
            #expect(outcome.error == nil)
            #expect(outcome.summary.conflicts == live.count)
            #expect(outcome.summary.samples == 0)
            #expect(samples(of: ok, in: try await selectAll(in: directory)) == bits(live))
            #expect(try storedSampleCount(directory) == Int64(live.count))
        }
    }

    @Test("a malformed line: the lines before it are committed, the error names it, the fixed file completes")
    func malformedLineThenFixedFile() async throws {
        try await withTemporaryDirectory { directory in
            let samplesAll = regularSamples(from: baseTime, step: 15 * second, count: 41) { Double($0) }
            var lines = header + samplesAll.map { sampleLine(okKey, $0) }
            // Line 23 is the 21st sample (two header lines before the first sample).
            let good = lines[22]
            lines[22] = "\(okKey) twenty \(openMetricsTime(samplesAll[20].timestamp))"

            let broken = try runImport(openMetricsText(lines), into: directory)
            guard case .parse(let parseError)? = broken.error else {
                Issue.record("expected a parse error, got \(String(describing: broken.error))")
                return
            }
            #expect(parseError.line == 23)
            #expect(broken.error?.description.hasPrefix("line 23") == true)
            #expect(broken.summary.committedSamples == 20)
            #expect(samples(of: ok, in: try await selectAll(in: directory)) == bits(Array(samplesAll[..<20])))
            #expect(try storedSampleCount(directory) == 20)

            lines[22] = good
            let fixed = try runImport(openMetricsText(lines), into: directory)
            #expect(fixed.error == nil)
            #expect(fixed.summary.duplicates == 20)
            #expect(fixed.summary.samples == 21)
            #expect(fixed.summary.conflicts == 0)
            #expect(fixed.summary.newSeries == 0)
            #expect(samples(of: ok, in: try await selectAll(in: directory)) == bits(samplesAll))
            #expect(try storedSampleCount(directory) == 41)
        }
    }

    @Test("a sample going back in time is rejected with its line; the lines before are kept")
    func outOfOrderLine() async throws {
        try await withTemporaryDirectory { directory in
            let lines = header + [
                sampleLine(okKey, Sample(timestamp: baseTime, value: 1)),
                sampleLine(failedKey, Sample(timestamp: baseTime, value: 2)),
                sampleLine(okKey, Sample(timestamp: baseTime + minute, value: 3)),
                sampleLine(okKey, Sample(timestamp: baseTime + 30 * second, value: 4)),  // line 6
                sampleLine(okKey, Sample(timestamp: baseTime + 2 * minute, value: 5)),
            ]
            let outcome = try runImport(openMetricsText(lines), into: directory)
            guard case .rejected(let line, _)? = outcome.error else {
                Issue.record("expected a rejected line, got \(String(describing: outcome.error))")
                return
            }
            #expect(line == 6)
            #expect(outcome.error?.description.hasPrefix("line 6:") == true)
            let stored = try await selectAll(in: directory)
            #expect(samples(of: ok, in: stored) == bits([Sample(timestamp: baseTime, value: 1), Sample(timestamp: baseTime + minute, value: 3)]))
            #expect(samples(of: failed, in: stored) == bits([Sample(timestamp: baseTime, value: 2)]))
        }
    }

    @Test("label values are kept byte for byte and no label is added")
    func labelsExactlyAsWritten() async throws {
        try await withTemporaryDirectory { directory in
            let t = openMetricsTime(baseTime + 123)
            let text = openMetricsText([
                "# TYPE a histogram",
                #"a_bucket{le="1"} 1 \#(t) # {trace_id="x1"} 0.5 \#(t)"#,
                #"a_bucket{le="+Inf"} 2 \#(t)"#,
                "a_count 2 \(t)",
                "a_sum 1.5 \(t)",
                "# TYPE b histogram",
                #"b_bucket{le="1.0"} 1 \#(t)"#,
                #"b_bucket{le="+Inf"} 1 \#(t)"#,
                "# TYPE q summary",
                #"q{quantile="0.50"} 7 \#(t)"#,
                "# TYPE g gauge",
                #"g{esc="a\"b\\c\nd",path="/a b",v="1e3"} 1 \#(t)"#,
            ])
            let outcome = try runImport(text, into: directory)
            #expect(outcome.error == nil)
            #expect(outcome.summary.samples == 8)
            #expect(outcome.summary.newSeries == 8)

            let store = try MetricsStore(directory: directory)
            let expected: Set<Labels> = [
                Labels(name: "a_bucket", ["le": "1"]), Labels(name: "a_bucket", ["le": "+Inf"]),
                Labels(name: "a_count"), Labels(name: "a_sum"),
                Labels(name: "b_bucket", ["le": "1.0"]), Labels(name: "b_bucket", ["le": "+Inf"]),
                Labels(name: "q", ["quantile": "0.50"]),
                Labels(name: "g", ["esc": "a\"b\\c\nd", "path": "/a b", "v": "1e3"]),
            ]
            #expect(Set(try await store.series(allSeriesMatcher())) == expected)
            #expect(try await store.labelValues("le") == ["+Inf", "1", "1.0"])
            #expect(try await store.labelNames() == ["__name__", "esc", "le", "path", "quantile", "v"])
            let stored = try await store.select(named("a_bucket") + [matcher("le", .equal, "1")], from: .min, through: .max)
            #expect(stored.first.map { bits($0.samples) } == [SampleBits(timestamp: baseTime + 123, bits: Double(1).bitPattern)])
            let exemplars = try await store.exemplars(named("a_bucket"), from: .min, through: .max)
            #expect(exemplars.flatMap(\.exemplars) == [Exemplar(labels: Labels(["trace_id": "x1"]), value: 0.5, timestamp: baseTime + 123)])
            try await expectIntact(store)
        }
    }
}
