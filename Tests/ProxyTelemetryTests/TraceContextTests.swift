import Testing
@testable import ProxyTelemetry

@Suite struct TraceContextTests {
    static func extract(_ headers: [String: String]) -> IncomingTrace? {
        IncomingTrace.extract(headers: headers.map { (name: $0.key, value: $0.value) })
    }

    // Vectors from the B3 specification (openzipkin/b3-propagation README).
    @Test func b3MultiHeaders() throws {
        let trace = try #require(Self.extract([
            "X-B3-TraceId": "80f198ee56343ba864fe8b2a57d3eff7", "X-B3-ParentSpanId": "05e3ac9a4f6e3b90",
            "X-B3-SpanId": "e457b5a2e4d86bd1", "X-B3-Sampled": "1",
        ]))
        #expect(trace.traceId == "80f198ee56343ba864fe8b2a57d3eff7")
        #expect(trace.spanId == "e457b5a2e4d86bd1")
        #expect(trace.parentSpanId == "05e3ac9a4f6e3b90")
        #expect(trace.sampled == true)
        #expect(trace.debug == false)
        #expect(trace.formats == .b3Multi)
    }

    @Test func b3MultiSixtyFourBitUppercaseAndFlags() throws {
        let trace = try #require(Self.extract([
            "x-b3-traceid": "A2FB4A1D1A96D312", "x-b3-spanid": "0020000000000001", "x-b3-flags": "1",
        ]))
        #expect(trace.traceId == "a2fb4a1d1a96d312")
        #expect(trace.debug && trace.sampled == true)
        #expect(Self.extract(["x-b3-sampled": "false"])?.sampled == false)
        #expect(Self.extract(["x-b3-sampled": "true"])?.hasIDs == false)
    }

    @Test func b3SingleHeader() throws {
        let trace = try #require(Self.extract(["b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90"]))
        #expect(trace.traceId == "80f198ee56343ba864fe8b2a57d3eff7")
        #expect(trace.spanId == "e457b5a2e4d86bd1")
        #expect(trace.parentSpanId == "05e3ac9a4f6e3b90")
        #expect(trace.sampled == true)
        #expect(trace.formats == .b3Single)

        let deferred = try #require(Self.extract(["b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1"]))
        #expect(deferred.sampled == nil)
        #expect(Self.extract(["b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-d"])?.debug == true)
        let denied = try #require(Self.extract(["b3": "0"]))
        #expect(denied.sampled == false && !denied.hasIDs)
    }

    // Vector from the W3C Trace Context recommendation.
    @Test func w3cTraceparent() throws {
        let trace = try #require(Self.extract([
            "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "tracestate": "congo=t61rcWkgMzE",
        ]))
        #expect(trace.traceId == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(trace.spanId == "00f067aa0ba902b7")
        #expect(trace.parentSpanId == nil)
        #expect(trace.sampled == true)
        #expect(trace.traceState == "congo=t61rcWkgMzE")
        #expect(trace.formats == .w3c)
        #expect(Self.extract(["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"])?.sampled == false)
        // A later version may append fields.
        #expect(Self.extract(["traceparent": "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-xyz"])?.hasIDs == true)
    }

    @Test(arguments: [
        ["traceparent": "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
        ["traceparent": "00-00000000000000000000000000000000-00f067aa0ba902b7-01"],
        ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"],
        ["traceparent": "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"],
        ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"],
        ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"],
        ["b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-x"],
        ["b3": "xyz-e457b5a2e4d86bd1-1"],
        ["b3": "80f198ee56343ba864fe8b2a57d3eff7"],
        ["x-b3-traceid": "80f198ee56343ba864fe8b2a57d3eff7"],
        ["x-b3-traceid": "0000000000000000", "x-b3-spanid": "e457b5a2e4d86bd1"],
        [:],
    ])
    func malformedHeadersAreIgnored(_ headers: [String: String]) {
        #expect(Self.extract(headers) == nil)
    }

    @Test func b3SingleWinsOverMultiAndW3CButAllFormatsAreRemembered() throws {
        let trace = try #require(Self.extract([
            "b3": "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1",
            "x-b3-traceid": "1111111111111111", "x-b3-spanid": "2222222222222222",
            "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        ]))
        #expect(trace.traceId == "80f198ee56343ba864fe8b2a57d3eff7")
        #expect(trace.formats == [.b3Single, .b3Multi, .w3c])
        // A decision-only b3 binds the trace that multi headers carry.
        let denied = try #require(Self.extract(["b3": "0", "x-b3-traceid": "1111111111111111", "x-b3-spanid": "2222222222222222"]))
        #expect(denied.traceId == "1111111111111111" && denied.sampled == false)
    }

    @Test func hopContinuesTheTraceUnderANewSpan() throws {
        let incoming = try #require(Self.extract(["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"]))
        let hop = TraceContext.startHop(incoming: incoming, sampler: Sampler(percentage: 0),
                                        random: FixedRandom([0xabc]))
        #expect(hop.traceId == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(hop.parentSpanId == "00f067aa0ba902b7")
        #expect(hop.spanId == "0000000000000abc")
        // The upstream decision wins over a 0% sampler.
        #expect(hop.sampled)
        let headers = Dictionary(uniqueKeysWithValues: hop.headers.map { ($0.name, $0.value) })
        #expect(headers == [
            "x-b3-traceid": "4bf92f3577b34da6a3ce929d0e0e4736", "x-b3-spanid": "0000000000000abc",
            "x-b3-parentspanid": "00f067aa0ba902b7", "x-b3-sampled": "1",
            "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000abc-01",
        ])
    }

    @Test func injectKeepsB3SingleAndRemovesStaleHeaders() throws {
        let incoming = try #require(Self.extract(["b3": "a2fb4a1d1a96d312-0020000000000001-d"]))
        let hop = TraceContext.startHop(incoming: incoming, sampler: Sampler(percentage: 0), random: FixedRandom([7]))
        var written: [String: String?] = [:]
        hop.inject { written[$0] = $1 }
        #expect(written["b3"] == "a2fb4a1d1a96d312-0000000000000007-d-0020000000000001")
        // Debug goes as x-b3-flags, without x-b3-sampled (B3: debug implies sampled).
        #expect(written["x-b3-flags"] == "1")
        #expect(written["x-b3-sampled"] == .some(nil))
        // A 64-bit trace id is left-padded for W3C.
        #expect(written["traceparent"] == "00-0000000000000000a2fb4a1d1a96d312-0000000000000007-01")

        let root = TraceContext.startHop(incoming: nil, sampler: Sampler(percentage: 100), random: FixedRandom([1, 2, 3]))
        var rootHeaders: [String: String?] = [:]
        root.inject { rootHeaders[$0] = $1 }
        #expect(rootHeaders["x-b3-parentspanid"] == .some(nil))
        #expect(rootHeaders["b3"] == .some(nil))
    }

    @Test func newTracesGet128BitIDs() {
        let hop = TraceContext.startHop(incoming: nil, sampler: Sampler(percentage: 100),
                                        random: FixedRandom([0x0123456789abcdef, 0xfedcba9876543210, 0x42]))
        #expect(hop.traceId == "0123456789abcdeffedcba9876543210")
        #expect(hop.spanId == "0000000000000042")
        #expect(hop.parentSpanId == nil)
        // Zero is never an id.
        let zeros = TraceContext.startHop(incoming: nil, sampler: Sampler(percentage: 100), random: FixedRandom([0, 0, 5]))
        #expect(zeros.traceId == "00000000000000050000000000000005")
        #expect(zeros.spanId == "0000000000000005")
        // Default source: distinct and well-formed.
        let a = TraceContext.startHop(incoming: nil, sampler: Sampler(percentage: 1))
        let b = TraceContext.startHop(incoming: nil, sampler: Sampler(percentage: 1))
        #expect(a.traceId != b.traceId && a.traceId.count == 32 && a.spanId.count == 16)
    }

    @Test func samplingPercentageUsesTheRandomDraw() {
        let sampler = Sampler(percentage: 25)
        // The draw is the top 53 bits as a fraction: 0.2 samples, 0.3 does not.
        let low = UInt64(0.2 * 0x1p53) << 11, high = UInt64(0.3 * 0x1p53) << 11
        #expect(sampler.decide(incoming: nil, random: FixedRandom([low])))
        #expect(!sampler.decide(incoming: nil, random: FixedRandom([high])))
        #expect(!Sampler(percentage: 0).decide(incoming: nil, random: FixedRandom([0])))
        #expect(Sampler(percentage: 100).decide(incoming: nil, random: FixedRandom([.max])))
        // An upstream "no" wins over 100%.
        #expect(!Sampler(percentage: 100).decide(incoming: IncomingTrace(sampled: false), random: FixedRandom([0])))
        // Over many draws the rate is near the percentage.
        let system = SystemRandomSource()
        let hits = (0..<20_000).filter { _ in sampler.decide(incoming: nil, random: system) }.count
        #expect(abs(Double(hits) / 20_000 - 0.25) < 0.02)
    }
}
