import AccessLogs
import Testing

@Suite("Trace ids")
struct TraceIdTests {
    static let t = #""timestamp":"2026-01-01T00:00:00Z""#

    @Test("trace_id field, normalised to lowercase and padded like Zipkin")
    func field() throws {
        #expect(try parse("{\(Self.t),\"trace_id\":\"463AC35C9F6413AD48485A3953BB6124\"}").traceId == "463ac35c9f6413ad48485a3953bb6124")
        #expect(try parse("{\(Self.t),\"trace_id\":\"abc\"}").traceId == "0000000000000abc")
        #expect(try parse("{\(Self.t),\"trace_id\":\"1234567890abcdef1\"}").traceId == "000000000000000" + "1234567890abcdef1")
        // %TRACE_ID% prints an empty string without a trace, TCP logs print "-".
        #expect(try parse("{\(Self.t),\"trace_id\":\"\"}").traceId == nil)
        #expect(try parse("{\(Self.t),\"trace_id\":\"-\"}").traceId == nil)
        #expect(try parse("{\(Self.t),\"trace_id\":\"0000000000000000\"}").traceId == nil)
        #expect(try parse("{\(Self.t),\"trace_id\":\"not-hex\"}").traceId == nil)
    }

    @Test("from headers: x-b3-traceid, then b3, then traceparent")
    func headers() throws {
        func headers(_ h: String) throws -> String? {
            try parse("{\(Self.t),\"request\":{\"headers\":{\(h)}}}").traceId
        }
        #expect(try headers(#""x-b3-traceid":"80f198ee56343ba8""#) == "80f198ee56343ba8")
        #expect(try headers(#""b3":"80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90""#)
                == "80f198ee56343ba864fe8b2a57d3eff7")
        #expect(try headers(#""traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01""#)
                == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(try headers(#""traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01","x-b3-traceid":"aaaaaaaaaaaaaaaa""#)
                == "aaaaaaaaaaaaaaaa")
        #expect(try headers(#""b3":"1""#) == nil) // sampling state only
        #expect(try headers(#""b3":"0","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01""#)
                == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(try headers(#""x-b3-traceid":["aaaaaaaaaaaaaaab","second"]"#) == "aaaaaaaaaaaaaaab")
    }

    @Test("the trace_id field wins over headers; an unusable field falls back to them")
    func precedence() throws {
        let both = "{\(Self.t),\"trace_id\":\"1111111111111111\",\"request\":{\"headers\":{\"x-b3-traceid\":\"2222222222222222\"}}}"
        #expect(try parse(both).traceId == "1111111111111111")
        let empty = "{\(Self.t),\"trace_id\":\"\",\"request\":{\"headers\":{\"x-b3-traceid\":\"2222222222222222\"}}}"
        #expect(try parse(empty).traceId == "2222222222222222")
    }

    @Test("custom formats with header operators as top-level keys")
    func topLevelHeaderKeys() throws {
        #expect(try parse("{\(Self.t),\"x_b3_traceid\":\"3333333333333333\"}").traceId == "3333333333333333")
        #expect(try parse("{\(Self.t),\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}").traceId
                == "4bf92f3577b34da6a3ce929d0e0e4736")
    }

    @Test("traceparent validation")
    func traceparent() {
        #expect(TraceContextHeaders.traceId(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") != nil)
        #expect(TraceContextHeaders.traceId(traceparent: "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") == nil)
        #expect(TraceContextHeaders.traceId(traceparent: "00-00000000000000000000000000000000-00f067aa0ba902b7-01") == nil)
        #expect(TraceContextHeaders.traceId(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01") == nil)
        #expect(TraceContextHeaders.traceId(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra") == nil)
        // A later version may add fields.
        #expect(TraceContextHeaders.traceId(traceparent: "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")
                == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(TraceContextHeaders.traceId(headers: [("X-B3-TraceId", "ABC")]) == "0000000000000abc")
        #expect(TraceContextHeaders.normalize(String(repeating: "a", count: 33)) == nil)
        // As Zipkin: a zero high half makes the 64-bit id, so a record meets its spans.
        #expect(TraceContextHeaders.normalize("0000000000000000463ac35c9f6413ad") == "463ac35c9f6413ad")
        #expect(TraceContextHeaders.normalize("00000000000000000000000000abc123") == "0000000000abc123")
        #expect(TraceContextHeaders.normalize("0000000000000001463ac35c9f6413ad") == "0000000000000001463ac35c9f6413ad")
    }

    @Test("request id from request_id or the x-request-id header")
    func requestId() throws {
        #expect(try parse("{\(Self.t),\"request_id\":\"r-9\"}").requestId == "r-9")
        #expect(try parse("{\(Self.t),\"request\":{\"headers\":{\"x-request-id\":\"r-8\"}}}").requestId == "r-8")
        #expect(try parse("{\(Self.t),\"x-request-id\":\"r-7\"}").requestId == "r-7")
    }
}
