import MeshMetrics
import PromQLTestScript
import Testing

/// promtool's expanding series notation, form by form, with the exact samples.
@Suite struct SeriesNotationTests {
    private func values(_ line: String) throws -> [SequenceValue] {
        try SeriesDescription.parse(line).values
    }

    private func samples(_ line: String, interval: Int64 = 60_000) throws -> [Sample] {
        try SeriesDescription.parse(line).samples(interval: interval)
    }

    @Test func plainValues() throws {
        #expect(try values("m 1 2 3") == [.float(1), .float(2), .float(3)])
        #expect(identical(try samples("m 1 2 3", interval: 10_000), [
            Sample(timestamp: 0, value: 1), Sample(timestamp: 10_000, value: 2), Sample(timestamp: 20_000, value: 3),
        ]))
    }

    @Test func startPlusStepTimesCount() throws {
        // 0+10x3: count+1 values.
        #expect(try values("m 0+10x3") == [.float(0), .float(10), .float(20), .float(30)])
        #expect(try values("m 0+10x100").count == 101)
        #expect(try values("m 1-2x3") == [.float(1), .float(-1), .float(-3), .float(-5)])
        #expect(try values("m -1-1x2") == [.float(-1), .float(-2), .float(-3)])
        #expect(try values("m 5+0x2") == [.float(5), .float(5), .float(5)])
        // Accumulated like Go (start, start+step, ...), not start + i*step.
        var expected: [SequenceValue] = []
        var current = 0.0
        for _ in 0...3 { expected.append(.float(current)); current += 0.1 }
        #expect(try values("m 0+0.1x3") == expected)
    }

    @Test func repetition() throws {
        #expect(try values("m 1x3") == Array(repeating: .float(1), count: 4))
        // No hex in series: 0x5 is zero, five more times.
        #expect(try values("m 0x5") == Array(repeating: .float(0), count: 6))
        #expect(try values("m -2x1") == [.float(-2), .float(-2)])
        #expect(try values("m 1e3x1") == [.float(1000), .float(1000)])
    }

    @Test func blanks() throws {
        #expect(try values("m 1 _ 3") == [.float(1), .omitted, .float(3)])
        // `_xN` is N blanks, not N+1.
        #expect(try values("m _x3 1") == [.omitted, .omitted, .omitted, .float(1)])
        #expect(identical(try samples("m 1 _ 3"), [Sample(timestamp: 0, value: 1), Sample(timestamp: 120_000, value: 3)]))
    }

    @Test func staleMarkers() throws {
        let parsed = try samples("m 0 stale 2", interval: 15_000)
        #expect(parsed.count == 3)
        #expect(parsed[1].timestamp == 15_000 && parsed[1].value.bitPattern == StaleNaN.bitPattern)
        #expect(try values("m stale") == [.float(StaleNaN.value)])
    }

    @Test func specialValues() throws {
        let parsed = try values("m Inf -Inf +Inf inf NaN nan -NaN")
        #expect(parsed[0] == .float(.infinity) && parsed[1] == .float(-.infinity))
        #expect(parsed[2] == .float(.infinity) && parsed[3] == .float(.infinity))
        for index in 4...6 {
            guard case .float(let value) = parsed[index] else { Issue.record("not a float"); continue }
            #expect(value.isNaN && !value.isStaleMarker)
        }
    }

    @Test func numberSyntax() throws {
        #expect(try values("m 1e10 1e-6 9.988465674311579e+307 1.78264E+50 .8 2. 1_000 -0.5") == [
            .float(1e10), .float(1e-6), .float(9.988465674311579e+307), .float(1.78264e50),
            .float(0.8), .float(2), .float(1000), .float(-0.5),
        ])
        // Go's ParseInt(s, 0, 64) runs first: a leading zero means octal.
        #expect(try values("m 010 08") == [.float(8), .float(8)])
    }

    @Test func nativeHistogramsAreRecognisedNotDecoded() throws {
        let series = try SeriesDescription.parse("m 5 {{schema:1 sum:3 count:22 buckets:[5 10 7]}} _ stale")
        #expect(series.hasNativeHistograms)
        #expect(series.values == [.float(5), .histogram("{{schema:1 sum:3 count:22 buckets:[5 10 7]}}"), .omitted, .float(StaleNaN.value)])
        #expect(try values("m {{count:1}}x2").count == 3)
        #expect(try values("m {{schema:0 sum:1 count:1}}+{{schema:0 sum:2 count:2}}x3").count == 4)
        #expect(try values("m {{}}+{{}}x2 1").count == 4)
        // Only the float samples reach the engine.
        #expect(try samples("m 5 {{count:1}} 7").map(\.timestamp) == [0, 120_000])
    }

    @Test func metricForms() throws {
        #expect(try SeriesDescription.parse("metric 1").labels == labels("metric"))
        #expect(try SeriesDescription.parse("metric{} 1").labels == labels("metric"))
        #expect(try SeriesDescription.parse("{} 1").labels.isEmpty)
        #expect(try SeriesDescription.parse("a:b:c{x=\"1\"} 1").labels == labels("a:b:c", ["x": "1"]))
        #expect(try SeriesDescription.parse("{__name__=\"x\", job=\"a\"} 1").labels == labels("x", ["job": "a"]))
        #expect(try SeriesDescription.parse("m{a=\"1\",} 1").labels == labels("m", ["a": "1"]))
        #expect(try SeriesDescription.parse("m{ a = \"1\" , b='2' } 1").labels == labels("m", ["a": "1", "b": "2"]))
        // Quoted UTF-8 metric and label names.
        #expect(try SeriesDescription.parse("{\"metric.name\"} 1").labels == labels("metric.name"))
        #expect(try SeriesDescription.parse("{\"metric.name\", \"label.x\"=\"v\"} 1").labels == labels("metric.name", ["label.x": "v"]))
        // A metric with no values is allowed (an empty sequence).
        #expect(try SeriesDescription.parse("metric").values.isEmpty)
    }

    @Test func labelValueEscapes() throws {
        let parsed = try SeriesDescription.parse(#"m{a="q\"uote", b="back\\slash", c="new\nline", d="\u00e9\x41\101", e=`raw\n`} 1"#)
        #expect(parsed.labels["a"] == "q\"uote")
        #expect(parsed.labels["b"] == "back\\slash")
        #expect(parsed.labels["c"] == "new\nline")
        #expect(parsed.labels["d"] == "éAA")
        #expect(parsed.labels["e"] == "raw\\n")
        // An empty value means "no such label", as everywhere in the label model.
        #expect(try SeriesDescription.parse("m{a=\"\"} 1").labels == labels("m"))
    }

    @Test(arguments: [
        "m 1+2", "m 1x", "m 1xa", "m _x", "m stalex2", "m -stale", "m Infx2", "m 1..2", "m 1e", "m 1+2x3.5",
        "m{a=\"1\"", "m{a=1} 1", "m{a} 1", "m 1 {{count:1", "m{a=\"x\"}1", "m 1 $", "5 1",
    ])
    func invalidLinesAreRejected(_ line: String) {
        #expect(throws: ScriptError.self) { try SeriesDescription.parse(line) }
    }
}
