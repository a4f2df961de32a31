import Testing
@testable import MeshMetrics

/// Parses `text`, expecting an `ExpositionError` on `line` whose message contains `fragment`.
private func expectError(_ text: String, _ format: ExpositionFormat, line: Int, _ fragment: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let parsed = try ExpositionParser.parse(text, format: format)
        Issue.record("expected an error, parsed \(parsed.samples.count) samples", sourceLocation: sourceLocation)
    } catch let error as ExpositionError {
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error type: \(error)", sourceLocation: sourceLocation)
    }
}

/// A sink that records raw sample facts, to test the streaming API itself.
private struct RawSink: ExpositionSink {
    var keys: [String] = []
    var hashes: [UInt64] = []
    var families: [String] = []
    var metadata: [String] = []

    mutating func metadata(family: String, type: MetricType?, help: String?, unit: String?) {
        metadata.append("\(family) \(type.map(\.rawValue) ?? "-") \(help ?? "-") \(unit ?? "-")")
    }

    mutating func sample(_ sample: borrowing ParsedSample) throws {
        keys.append(String(decoding: sample.seriesKey, as: UTF8.self))
        hashes.append(sample.seriesHash)
        families.append(sample.familyName)
    }
}

private struct SinkFailure: Error, Equatable { var line: Int }

private struct FailingSink: ExpositionSink {
    mutating func sample(_ sample: borrowing ParsedSample) throws {
        if sample.line == 2 { throw SinkFailure(line: sample.line) }
    }
}

@Suite struct ExpositionParserTests {
    @Test func formatFromContentType() {
        #expect(ExpositionFormat(contentType: nil) == .prometheusText)
        #expect(ExpositionFormat(contentType: "text/plain; version=0.0.4") == .prometheusText)
        #expect(ExpositionFormat(contentType: "application/openmetrics-text") == .openMetrics)
        #expect(ExpositionFormat(contentType: "Application/OpenMetrics-Text; version=1.0.0; charset=utf-8") == .openMetrics)
        #expect(ExpositionFormat(contentType: "application/json") == .prometheusText)
        #expect(ExpositionFormat(contentType: ExpositionFormat.openMetrics.contentType) == .openMetrics)
    }

    @Test func textFormatFamiliesAndSamples() throws {
        let text = """
        # HELP http_requests_total The total number of HTTP requests.\\nSecond line \\\\ done
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400",} 3 -1395066363000

        # A free comment that is ignored
          # another one, indented
        # TYPE rpc_duration_seconds histogram
        rpc_duration_seconds_bucket { le = "0.05" , job="a" } 24054
        rpc_duration_seconds_bucket{le="+Inf"}\t144320
        rpc_duration_seconds_sum 53423
        rpc_duration_seconds_count 144320
        metric_without_timestamp_and_labels 12.47
        no_newline_at_end{} 1
        """
        let parsed = try ExpositionParser.parse(text, format: .prometheusText)
        #expect(parsed.samples.count == 8)
        let requests = try #require(parsed.metadata(for: "http_requests_total"))
        #expect(requests.type == .counter)
        #expect(requests.help == "The total number of HTTP requests.\nSecond line \\ done")
        #expect(parsed.metadata(for: "rpc_duration_seconds")?.type == .histogram)
        #expect(parsed.samples[0].labels == Labels(name: "http_requests_total", ["method": "post", "code": "200"]))
        #expect(parsed.samples[0].timestamp == 1_395_066_363_000)
        #expect(parsed.samples[1].timestamp == -1_395_066_363_000)
        #expect(parsed.samples[1].line == 4)
        #expect(parsed.samples[2].labels == Labels(name: "rpc_duration_seconds_bucket", ["le": "0.05", "job": "a"]))
        #expect(parsed.samples[2].family == "rpc_duration_seconds")
        #expect(parsed.samples[5].family == "rpc_duration_seconds")
        #expect(parsed.samples[6].family == "metric_without_timestamp_and_labels")
        #expect(parsed.samples[6].timestamp == nil)
        #expect(parsed.samples.last?.labels == Labels(name: "no_newline_at_end"))
        #expect(parsed.metadata(for: "metric_without_timestamp_and_labels")?.type == .unknown)
        // Text-format counters own no suffixes: a sample named differently is its own family.
        let other = try ExpositionParser.parse("# TYPE a counter\na_total 1\n", format: .prometheusText)
        #expect(other.samples[0].family == "a_total")
    }

    @Test func untypedMapsToUnknownAndTypeWordsAreChecked() throws {
        let parsed = try ExpositionParser.parse("# TYPE x untyped\nx 1\n", format: .prometheusText)
        #expect(parsed.metadata(for: "x")?.type == .unknown)
        expectError("# TYPE x unknown\n", .prometheusText, line: 1, "invalid metric type \"unknown\"")
        expectError("# TYPE x info\n", .prometheusText, line: 1, "invalid metric type")
        expectError("# EOF\n# TYPE x untyped\n", .openMetrics, line: 2, "unexpected data after # EOF")
        expectError("# TYPE x untyped\n# EOF\n", .openMetrics, line: 1, "invalid metric type \"untyped\"")
        expectError("# TYPE x counter extra\n", .prometheusText, line: 1, "after metric type")
    }

    @Test func openMetricsFamiliesExemplarsAndTypes() throws {
        let text = """
        # TYPE acme_http_router_request_seconds summary
        # UNIT acme_http_router_request_seconds seconds
        # HELP acme_http_router_request_seconds Latency \\"quoted\\" here.
        acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
        acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
        acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
        # TYPE go_goroutines gauge
        go_goroutines 69 -1.5
        # TYPE process_cpu_seconds counter
        # UNIT process_cpu_seconds seconds
        process_cpu_seconds_total 4.20072246e+06 1700000000.123 # {trace_id="KOO5S4vxi0o"} 0.67
        process_cpu_seconds_created 1700000000
        # TYPE hist histogram
        hist_bucket{le="0.5"} 10 # {trace_id="abc",span="x"} 0.3 1700000000.5
        hist_bucket{le="+Inf"} 12
        hist_count 12
        hist_sum 3.5
        # TYPE build info
        build_info{version="1.2"} 1
        # TYPE feature stateset
        feature{feature="a"} 1
        feature{feature="b"} 0
        # TYPE queue gaugehistogram
        queue_bucket{le="1"} 3 # {id="q"} 0.5
        queue_gcount 3
        queue_gsum 1.5
        # EOF
        """
        let parsed = try ExpositionParser.parse(text, format: .openMetrics)
        let summary = try #require(parsed.metadata(for: "acme_http_router_request_seconds"))
        #expect(summary == MetricMetadata(type: .summary, help: "Latency \"quoted\" here.", unit: "seconds"))
        #expect(parsed.samples.map(\.family) == [String](repeating: "acme_http_router_request_seconds", count: 3)
            + ["go_goroutines", "process_cpu_seconds", "process_cpu_seconds"] + [String](repeating: "hist", count: 4)
            + ["build", "feature", "feature", "queue", "queue", "queue"])
        #expect(parsed.samples[3].timestamp == -1500)
        let cpu = parsed.samples[4]
        #expect(cpu.value == 4.20072246e+06)
        #expect(cpu.timestamp == 1_700_000_000_123)
        #expect(cpu.exemplar == Exemplar(labels: Labels(["trace_id": "KOO5S4vxi0o"]), value: 0.67, timestamp: nil))
        #expect(parsed.samples[5].value == 1_700_000_000 && parsed.samples[5].timestamp == nil)
        #expect(parsed.samples[6].exemplar == Exemplar(labels: Labels(["trace_id": "abc", "span": "x"]), value: 0.3,
                                                        timestamp: 1_700_000_000_500))
        #expect(parsed.samples[7].exemplar == nil)
        #expect(parsed.metadata(for: "build")?.type == .info)
        #expect(parsed.metadata(for: "feature")?.type == .stateset)
        #expect(parsed.metadata(for: "queue")?.type == .gaugehistogram)
        #expect(parsed.samples[13].exemplar?.value == 0.5)
    }

    @Test func streamingSinkSeesRawKeysHashesAndMetadata() throws {
        let text = "# TYPE a_seconds histogram\n# HELP a_seconds h\na_seconds_bucket{le=\"1.0\"} 1\na_seconds_sum 2 3\nb 1\n"
        var sink = RawSink()
        try ExpositionParser.parse(Array(text.utf8), format: .prometheusText, into: &sink)
        #expect(sink.keys == ["a_seconds_bucket{le=\"1.0\"}", "a_seconds_sum", "b"])
        #expect(sink.families == ["a_seconds", "a_seconds", "b"])
        #expect(sink.metadata == ["a_seconds histogram - -", "a_seconds - h -"])
        var hash = FNV1a()
        hash.add("a_seconds_bucket{le=\"1.0\"}")
        #expect(sink.hashes[0] == hash.value)
    }

    @Test func sinkErrorsPropagateUnchanged() {
        var sink = FailingSink()
        #expect(throws: SinkFailure(line: 2)) {
            try ExpositionParser.parse(Array("a 1\nb 2\nc 3\n".utf8), format: .prometheusText, into: &sink)
        }
    }

    @Test func labelValuesAreUnescapedAndOtherwiseByteForByte() throws {
        let text = #"m{a="x\\y\"z\nw",le="1",le2="1.0",q="+Inf",u="héllo ✓ 𝄞",sp=" \#t ",e=""} 1"# + "\n"
        for format in [ExpositionFormat.prometheusText, .openMetrics] {
            let input = format == .openMetrics ? text + "# EOF\n" : text
            let labels = try ExpositionParser.parse(input, format: format).samples[0].labels
            #expect(labels["a"] == "x\\y\"z\nw")
            #expect(labels["le"] == "1")
            #expect(labels["le2"] == "1.0")
            #expect(labels["q"] == "+Inf")
            #expect(labels["u"] == "héllo ✓ 𝄞")
            #expect(labels["sp"] == " \t ")
            #expect(labels["e"] == nil)
            #expect(labels.metricName == "m")
        }
    }

    @Test(arguments: [
        ("1", 1.0), ("-1", -1.0), ("+3", 3.0), ("1.5", 1.5), (".5", 0.5), ("5.", 5.0), ("1e3", 1000.0),
        ("1E-3", 0.001), ("-2.5e+2", -250.0), ("0.1", 0.1), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("9007199254740993", 9007199254740992.0), ("1.7976931348623157e308", .greatestFiniteMagnitude),
        ("4.9e-324", .leastNonzeroMagnitude), ("1e-400", 0.0), ("0.30000000000000004", 0.30000000000000004),
        ("+Inf", .infinity), ("-Inf", -.infinity), ("Inf", .infinity), ("inf", .infinity), ("-infinity", -.infinity),
        ("INFINITY", .infinity), ("1700000000.000", 1_700_000_000),
    ])
    func goFloatValues(text: String, expected: Double) throws {
        let parsed = try ExpositionParser.parse("m \(text)\n", format: .prometheusText)
        #expect(parsed.samples[0].value == expected)
    }

    @Test func specialValuesKeepGoBitPatterns() throws {
        let parsed = try ExpositionParser.parse("a NaN\nb nan\nc -0\n", format: .prometheusText)
        #expect(parsed.samples[0].value.bitPattern == 0x7ff8_0000_0000_0001)
        #expect(parsed.samples[1].value.isNaN)
        #expect(parsed.samples[2].value == 0 && parsed.samples[2].value.sign == .minus)
    }

    @Test(arguments: ["+nan", "1e400", "-1e400", "0x10", "0x1p-2", "1_000", "1e", "1e+", ".", "-", "abc", "1.2.3",
                      "infin", "--1", "1,5", ""])
    func badFloatsAreRejected(text: String) {
        expectError("m{a=\"b\"} \(text)\n", .prometheusText, line: 1, text.isEmpty ? "missing value" : "invalid")
    }

    @Test func decimalConversionMatchesCorrectRounding() throws {
        var random = SplitMix64(seed: 42)
        var lines = ""
        var expected: [Double] = []
        for _ in 0..<2000 {
            let digits = String(random.next() % 100_000_000_000_000_000)
            let exponent = Int(random.next() % 80) - 40
            let cut = Int(random.next() % UInt64(digits.count + 1))
            let text = String(digits.prefix(cut)) + "." + digits.dropFirst(cut) + "e\(exponent)"
            lines += "m \(text)\n"
            expected.append(Double(text)!)
        }
        let parsed = try ExpositionParser.parse(lines, format: .prometheusText)
        #expect(parsed.samples.map(\.value.bitPattern) == expected.map(\.bitPattern))
    }

    @Test(arguments: [
        ("1700000000.123", Int64(1_700_000_000_123)), ("1700000000", 1_700_000_000_000), ("-1.5", -1500),
        ("1.7e9", 1_700_000_000_000), ("0.0005", 0), ("-0.0019", -1), ("1700000000.1239", 1_700_000_000_123),
        ("1.700000000123e+09", 1_700_000_000_123), ("0", 0), ("+2.5", 2500),
    ])
    func openMetricsTimestampsAreExactMilliseconds(text: String, expected: Int64) throws {
        let parsed = try ExpositionParser.parse("m 1 \(text)\n# EOF\n", format: .openMetrics)
        #expect(parsed.samples[0].timestamp == expected)
    }

    @Test func eofRules() throws {
        #expect(try ExpositionParser.parse("m 1\n# EOF", format: .openMetrics).samples.count == 1)
        #expect(try ExpositionParser.parse("# EOF\n", format: .openMetrics).samples.isEmpty)
        #expect(try ExpositionParser.parse("m 1\n# EOF\n", format: .prometheusText).samples.count == 1)
        expectError("m 1\n", .openMetrics, line: 2, "missing \"# EOF\"")
        expectError("m 1", .openMetrics, line: 1, "missing \"# EOF\"")
        expectError("", .openMetrics, line: 1, "missing \"# EOF\"")
        expectError("m 1\n# EOF\nm 2\n", .openMetrics, line: 3, "unexpected data after # EOF")
        expectError("m 1\n# EOF\n\n", .openMetrics, line: 3, "unexpected data after # EOF")
        expectError("m 1\n# EOF \n", .openMetrics, line: 2, "after # EOF")
        expectError("m 1\n\n# EOF\n", .openMetrics, line: 2, "unexpected empty line")
    }

    @Test(arguments: [
        // (format, input, line, message fragment)
        (ExpositionFormat.prometheusText, "a 1\nmetric_without_value\n", 2, "missing value for metric \"metric_without_value\""),
        (.prometheusText, "a 1\nm{a=\"b\"}\n", 2, "missing value"),
        (.prometheusText, "m{code=\"200\"} 1.2.3\n", 1, "invalid float value \"1.2.3\""),
        (.prometheusText, "m{code=\"200} 1\n", 1, "unterminated label value for \"code\""),
        (.prometheusText, "m{code=\"200\\\"} 1\n", 1, "unterminated label value"),
        (.prometheusText, "m{1code=\"200\"} 1\n", 1, "expected label name, got '1'"),
        (.prometheusText, "m{code} 1\n", 1, "expected '=' after label name \"code\", got '}'"),
        (.prometheusText, "m{code=200} 1\n", 1, "expected '\"' to start the value of label \"code\""),
        (.prometheusText, "m{a=\"b\" c=\"d\"} 1\n", 1, "expected ',' or '}' after label value, got 'c'"),
        (.prometheusText, "m{a=\"\\t\"} 1\n", 1, "invalid escape sequence '\\t'"),
        (.prometheusText, "# TYPE m counter\n# TYPE m gauge\n", 2, "second TYPE line for metric family \"m\""),
        (.prometheusText, "m 1\n# TYPE m counter\n", 2, "TYPE line for metric family \"m\" after its samples"),
        (.prometheusText, "# HELP m a\n# HELP m b\n", 2, "second HELP line"),
        (.prometheusText, "# TYPE m countr\n", 1, "invalid metric type \"countr\""),
        (.prometheusText, "# TYPE m\n", 1, "expected metric type"),
        (.prometheusText, "# TYPE 9m counter\n", 1, "expected metric name after TYPE"),
        (.prometheusText, "m 1 12.5\n", 1, "invalid timestamp \"12.5\""),
        (.prometheusText, "m 1 1 1\n", 1, "expected end of line after timestamp"),
        (.prometheusText, "m 1 99999999999999999999\n", 1, "invalid timestamp"),
        (.prometheusText, "{a=\"b\"} 1\n", 1, "expected metric name, got '{'"),
        (.prometheusText, "m-x 1\n", 1, "expected whitespace after metric name, got '-'"),
        (.prometheusText, "m{a=\"b\"}x 1\n", 1, "after label set"),
        (.prometheusText, "m 1 # {a=\"b\"} 1\n", 1, "invalid timestamp"),
        (.prometheusText, "m{a=\"b\",,} 1\n", 1, "expected label name, got ','"),
        (.openMetrics, "# TYPE m counter\n# TYPE m counter\n# EOF\n", 2, "second TYPE line"),
        (.openMetrics, "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# TYPE a gauge\n# EOF\n", 5, "must not be interleaved"),
        (.openMetrics, "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na 2\n# EOF\n", 5, "must not be interleaved"),
        (.openMetrics, "# TYPE h histogram\nh_count 1\nx 1\nh_sum 2\n# EOF\n", 4, "must not be interleaved"),
        (.openMetrics, "a 1\n# HELP a late\n# EOF\n", 2, "after its samples"),
        (.openMetrics, "# TYPE m untyped\n# EOF\n", 1, "invalid metric type"),
        (.openMetrics, "# UNIT m_bytes seconds\n# EOF\n", 1, "unit \"seconds\" is not a suffix"),
        (.openMetrics, "# comment\n# EOF\n", 1, "expected HELP, TYPE, UNIT or EOF"),
        (.openMetrics, "#TYPE m gauge\n# EOF\n", 1, "expected ' ' after '#'"),
        (.openMetrics, "m{a=\"b\",} 1\n# EOF\n", 1, "expected label name, got '}'"),
        (.openMetrics, "m  1\n# EOF\n", 1, "expected value, got ' '"),
        (.openMetrics, "m\t1\n# EOF\n", 1, "expected ' ' after metric name, got tab"),
        (.openMetrics, "m 1 \n# EOF\n", 1, "expected timestamp, got end of line"),
        (.openMetrics, "# TYPE g gauge\ng 1 # {a=\"b\"} 1\n# EOF\n", 2, "exemplars are only allowed"),
        (.openMetrics, "# TYPE c counter\nc_total 1 #{a=\"b\"} 1\n# EOF\n", 2, "expected ' ' after '#' in exemplar"),
        (.openMetrics, "# TYPE c counter\nc_total 1 # {a=\"b\"}\n# EOF\n", 2, "expected ' ' before exemplar value"),
        (.openMetrics, "# TYPE c counter\nc_total 1 # {a=\"\(String(repeating: "x", count: 128))\"} 1\n# EOF\n", 2,
         "more than the limit of 128"),
        (.openMetrics, "m 1 1700000000.5x\n# EOF\n", 1, "invalid timestamp"),
        (.openMetrics, "m 1 NaN\n# EOF\n", 1, "invalid timestamp"),
    ])
    func malformedInputs(format: ExpositionFormat, input: String, line: Int, fragment: String) {
        expectError(input, format, line: line, fragment)
    }

    @Test func invalidUTF8InLabelValueAndHelp() {
        for bad: [UInt8] in [[0xff], [0xc3], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]] {
            let line = Array("ok 1\nm{a=\"x".utf8) + bad + Array("\"} 1\n".utf8)
            #expect(throws: ExpositionError.self) {
                try ExpositionParser.parse(line, format: .prometheusText)
            }
            do {
                _ = try ExpositionParser.parse(line, format: .prometheusText)
            } catch let error as ExpositionError {
                #expect(error.line == 2 && error.column == 7 && error.message.contains("invalid UTF-8"), "\(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
        let help = Array("# HELP m bad ".utf8) + [0xfe] + [0x0a]
        #expect(throws: ExpositionError.self) { try ExpositionParser.parse(help, format: .prometheusText) }
    }

    @Test func errorDescriptionNamesLineAndColumn() {
        do {
            _ = try ExpositionParser.parse("ok 1\nhttp_requests_total{code} 1\n", format: .prometheusText)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "line 2, column 25: expected '=' after label name \"code\", got '}'")
        }
    }

    @Test func duplicateLabelNamesAreRejectedByLabels() {
        expectError("m{a=\"1\",a=\"2\"} 1\n", .prometheusText, line: 1, "duplicate label name \"a\"")
        expectError("m{__name__=\"x\"} 1\n", .prometheusText, line: 1, "duplicate label name \"__name__\"")
    }

    @Test func familyNameIsSharedNotReallocated() throws {
        var names: [String] = []
        struct Sink: ExpositionSink {
            var names: [String] = []
            mutating func sample(_ sample: borrowing ParsedSample) throws { names.append(sample.familyName) }
        }
        var sink = Sink()
        let text = "# TYPE a_long_family_name_for_heap_storage histogram\n"
            + (0..<3).map { "a_long_family_name_for_heap_storage_bucket{le=\"\($0)\"} 1\n" }.joined()
        try ExpositionParser.parse(Array(text.utf8), format: .prometheusText, into: &sink)
        names = sink.names
        let identities = names.map { $0.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
        #expect(Set(identities).count == 1)
    }

    /// Random bytes and mutations of a valid exposition must only ever produce
    /// `ExpositionError`s (never a crash or another error).
    @Test func fuzzedInputsOnlyThrowExpositionErrors() throws {
        let valid = Array("""
        # HELP h Latency.
        # TYPE h histogram
        h_bucket{le="0.5",path="/a\\"b"} 1 # {trace_id="x"} 0.2 1700000000.1
        h_bucket{le="+Inf",path="/a\\"b"} 2
        h_count{path="/a\\"b"} 2
        h_sum{path="/a\\"b"} 0.75
        # TYPE c counter
        c_total{u="héllo"} 1e3 1700000000.123
        # EOF

        """.utf8)
        _ = try ExpositionParser.parse(valid, format: .openMetrics)
        var random = SplitMix64(seed: 7)
        let alphabet = Array("{}\",=\\ \n#.e+-0123456789abcINFNaE_:\t".utf8) + [0x00, 0xc3, 0xa9, 0xff, 0x80]
        var outcomes = [0, 0]
        for round in 0..<4000 {
            var bytes: [UInt8]
            if round % 4 == 0 {
                bytes = (0..<Int(random.next() % 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            } else {
                bytes = valid
                for _ in 0..<(1 + Int(random.next() % 4)) {
                    let at = Int(random.next() % UInt64(bytes.count))
                    switch random.next() % 4 {
                    case 0: bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                    case 1: bytes.remove(at: at)
                    case 2: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                    default: bytes = Array(bytes[..<at])
                    }
                    if bytes.isEmpty { break }
                }
            }
            for format in [ExpositionFormat.prometheusText, .openMetrics] {
                do {
                    _ = try ExpositionParser.parse(bytes, format: format)
                    outcomes[0] += 1
                } catch is ExpositionError {
                    outcomes[1] += 1
                } catch {
                    Issue.record("non-exposition error \(error) for \(bytes)")
                }
            }
        }
        // Both outcomes must occur, or the mutations are not exercising anything.
        #expect(outcomes[0] > 100 && outcomes[1] > 100, "\(outcomes)")
    }
}
