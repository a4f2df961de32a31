import Foundation
import Testing
@testable import MeshMetrics

/// `promtool` from PATH (Debian's `prometheus` package installs it), if present.
private let promtoolPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
    return path.split(separator: ":").map { "\($0)/promtool" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

@Suite struct ExpositionWriterTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "-0"), (1, "1"), (-1, "-1"), (0.5, "0.5"), (-2.5, "-2.5"), (0.1, "0.1"), (0.3, "0.3"),
        (1e-05, "1e-05"), (1e-07, "1e-07"), (2.5e-07, "2.5e-07"), (0.0001, "0.0001"), (-0.000123, "-0.000123"),
        (0.00012345, "0.00012345"), (100000, "100000"), (999999, "999999"), (999999.5, "999999.5"),
        (1e6, "1e+06"), (1234567, "1.234567e+06"), (12345678.9, "1.23456789e+07"), (123456.7, "123456.7"),
        (123.456, "123.456"), (1.5e21, "1.5e+21"), (1e21, "1e+21"), (1e100, "1e+100"), (1700000000, "1.7e+09"),
        (608863452348.1149, "6.088634523481149e+11"), (4.20072246e+06, "4.20072246e+06"),
        (1.0 / 3.0, "0.3333333333333333"), (9007199254740992, "9.007199254740992e+15"), (.leastNonzeroMagnitude, "5e-324"),
        (.greatestFiniteMagnitude, "1.7976931348623157e+308"), (.nan, "NaN"), (StaleNaN.value, "NaN"),
        (.infinity, "+Inf"), (-.infinity, "-Inf"),
    ])
    func goFloatFormatting(value: Double, expected: String) {
        #expect(GoFloatFormat.string(value) == expected)
    }

    @Test func formattedFloatsRoundTripBitForBit() throws {
        var random = SplitMix64(seed: 3)
        var values: [Double] = []
        for k in 0..<5000 {
            let value = k % 2 == 0
                ? Double(bitPattern: random.next())
                : Double(Int64(bitPattern: random.next()) % 10_000_000) / 1000
            if value.isFinite { values.append(value) }
        }
        var text = ""
        for value in values {
            let formatted = GoFloatFormat.string(value)
            #expect(Double(formatted)?.bitPattern == value.bitPattern, "\(value) -> \(formatted)")
            text += "m \(formatted)\n"
        }
        let parsed = try ExpositionParser.parse(text, format: .prometheusText)
        #expect(parsed.samples.map(\.value.bitPattern) == values.map(\.bitPattern))
    }

    @Test func writesFamiliesAndEscapedSamples() {
        var writer = ExpositionWriter()
        writer.family(name: "http_requests_total",
                      metadata: MetricMetadata(type: .counter, help: "Requests\nwith \\ backslash and \"quotes\""))
        writer.sample(labels: Labels(name: "http_requests_total", ["code": "200", "path": "/a\"b\\c\nd"]),
                      value: 1027, timestamp: 1_395_066_363_000)
        writer.sample(labels: Labels(name: "http_requests_total", ["code": "500"]), value: 1e6, timestamp: -5)
        writer.family(name: "up", metadata: MetricMetadata(type: .unknown))
        writer.sample(labels: Labels(name: "up"), value: 1, timestamp: nil)
        writer.family(name: "q", metadata: MetricMetadata(type: .gaugehistogram))
        writer.family(name: "i", metadata: MetricMetadata(type: .info))
        #expect(writer.string == """
        # HELP http_requests_total Requests\\nwith \\\\ backslash and "quotes"
        # TYPE http_requests_total counter
        http_requests_total{code="200",path="/a\\"b\\\\c\\nd"} 1027 1395066363000
        http_requests_total{code="500"} 1e+06 -5
        # TYPE up untyped
        up 1
        # TYPE q histogram
        # TYPE i gauge

        """)
        #expect(writer.skipped == 0)
        let taken = writer.takeBytes()
        #expect(!taken.isEmpty && writer.bytes.isEmpty)
    }

    @Test func skipsWhatCouldNotParseBack() {
        var writer = ExpositionWriter()
        writer.sample(labels: Labels(["job": "x"]), value: 1, timestamp: nil)
        writer.sample(labels: Labels(name: "1abc"), value: 1, timestamp: nil)
        writer.sample(labels: Labels(name: "ok", ["bad-name": "x"]), value: 1, timestamp: nil)
        writer.family(name: "no spaces", metadata: MetricMetadata())
        #expect(writer.bytes.isEmpty)
        #expect(writer.skipped == 4)
    }

    /// A randomised exposition written and parsed back must give the same families,
    /// labels, values (bit for bit, NaN as NaN) and timestamps.
    @Test func writerOutputParsesBack() throws {
        var random = SplitMix64(seed: 11)
        let alphabet = Array("ab\\\"\n é✓{}=, #\t0.".unicodeScalars)
        func randomValue() -> String {
            String(String.UnicodeScalarView((0..<Int(random.next() % 8)).map { _ in
                alphabet[Int(random.next() % UInt64(alphabet.count))]
            }))
        }
        let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 1e-300, 1e300]
        var writer = ExpositionWriter()
        var expected: [(Labels, Double, Int64?)] = []
        let types: [MetricType] = [.counter, .gauge, .histogram, .summary, .unknown]
        let helps = types.map { _ in "help \(randomValue())" }
        for (f, type) in types.enumerated() {
            let family = "family_\(f)"
            writer.family(name: family, metadata: MetricMetadata(type: type, help: helps[f]))
            for s in 0..<20 {
                let name = type == .histogram ? family + "_bucket" : family
                let labels = Labels(name: name, ["instance": randomValue(), "le": "\(s)", "k\(s % 3)": randomValue()])
                let value = s % 5 == 0 ? specials[Int(random.next() % 7)] : Double(bitPattern: random.next() >> 2)
                let timestamp: Int64? = s % 3 == 0 ? nil : Int64(bitPattern: random.next()) / 1024
                writer.sample(labels: labels, value: value, timestamp: timestamp)
                expected.append((labels, value, timestamp))
            }
        }
        let parsed = try ExpositionParser.parse(writer.bytes, format: .prometheusText)
        #expect(parsed.samples.count == expected.count)
        for (sample, (labels, value, timestamp)) in zip(parsed.samples, expected) {
            #expect(sample.labels == labels)
            #expect(value.isNaN ? sample.value.isNaN : sample.value.bitPattern == value.bitPattern)
            #expect(sample.timestamp == timestamp)
        }
        for (f, type) in types.enumerated() {
            #expect(parsed.metadata(for: "family_\(f)")?.type == type)
            #expect(parsed.metadata(for: "family_\(f)")?.help == helps[f])
        }
    }

    /// Without promtool this is reported as skipped, with the reason, rather than passing.
    @Test(.enabled(if: promtoolPath != nil, "promtool not found on PATH (apt-get install prometheus); check skipped"))
    func promtoolAcceptsWriterOutput() throws {
        var writer = ExpositionWriter()
        writer.family(name: "http_requests_total", metadata: MetricMetadata(type: .counter, help: "Requests \\ handled.\nSecond line."))
        writer.sample(labels: Labels(name: "http_requests_total", ["code": "200", "path": "/a\"b\\c\nd", "u": "héllo"]),
                      value: 1027, timestamp: 1_395_066_363_000)
        writer.sample(labels: Labels(name: "http_requests_total", ["code": "500"]), value: 1.5e21, timestamp: nil)
        writer.family(name: "process_resident_memory_bytes", metadata: MetricMetadata(type: .gauge, help: "Resident memory."))
        writer.sample(labels: Labels(name: "process_resident_memory_bytes"), value: 2.31272e+06, timestamp: nil)
        writer.family(name: "rpc_duration_seconds", metadata: MetricMetadata(type: .histogram, help: "RPC latency."))
        for (le, count) in [("0.05", 1.0), ("0.5", 4), ("+Inf", 9)] {
            writer.sample(labels: Labels(name: "rpc_duration_seconds_bucket", ["le": le]), value: count, timestamp: nil)
        }
        writer.sample(labels: Labels(name: "rpc_duration_seconds_sum"), value: 1e-05, timestamp: nil)
        writer.sample(labels: Labels(name: "rpc_duration_seconds_count"), value: 9, timestamp: nil)
        writer.family(name: "rpc_size_bytes", metadata: MetricMetadata(type: .summary, help: "RPC size."))
        writer.sample(labels: Labels(name: "rpc_size_bytes", ["quantile": "0.5"]), value: .nan, timestamp: nil)
        writer.sample(labels: Labels(name: "rpc_size_bytes_sum"), value: -.infinity, timestamp: nil)
        writer.sample(labels: Labels(name: "rpc_size_bytes_count"), value: 0, timestamp: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(promtoolPath))
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(writer.bytes))
        try input.fileHandleForWriting.close()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "promtool: \(report)\n\(writer.string)")
        // The same bytes must also parse with our own parser.
        #expect(try ExpositionParser.parse(writer.bytes, format: .prometheusText).samples.count == 11)
    }
}
