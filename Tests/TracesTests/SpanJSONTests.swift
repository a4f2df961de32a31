import Testing
@testable import Traces

@Suite struct SpanJSONTests {
    typealias F = Fixtures

    @Test func typicalSpanDecodesAndReencodesByteExact() throws {
        let spans = try SpanJSONDecoder.decodeList(F.bytes("[" + F.typicalJSON + "]"))
        #expect(spans.count == 1)
        let s = try #require(spans.first)
        #expect(s.traceId == "86154a4ba6e91385")
        #expect(s.kind == .client)
        #expect(s.localEndpoint == (try Endpoint(serviceName: "frontend", ipv4: "127.0.0.1", port: 8080)))
        #expect(s.tags.count == 10)
        #expect(F.text(SpanJSONEncoder.encode(spans)) == "[" + F.typicalJSON + "]")
    }

    @Test func encoderFieldOrderEscapingAndFlags() throws {
        let s = try Span(traceId: "463ac35c9f6413ad48485a3953bb6124", id: "a", parentId: "b", kind: .server,
                         name: "Quote\"Back\\slash\nline\u{01}\u{2028}é", timestamp: 1, duration: 2,
                         localEndpoint: try Endpoint(serviceName: "svc", ipv6: "2001:db8::c001", port: 443),
                         annotations: [Annotation(timestamp: 3, value: "tab\tx")],
                         tags: ["z": "1", "a": "2", "error": ""], debug: true, shared: true)
        let expected = #"{"traceId":"463ac35c9f6413ad48485a3953bb6124","parentId":"000000000000000b","id":"000000000000000a","kind":"SERVER","name":"quote\"back\\slash\nline\u0001\u2028é","timestamp":1,"duration":2,"localEndpoint":{"serviceName":"svc","ipv6":"2001:db8::c001","port":443},"annotations":[{"timestamp":3,"value":"tab\tx"}],"tags":{"a":"2","error":"","z":"1"},"debug":true,"shared":true}"#
        #expect(F.text(SpanJSONEncoder.encode(s)) == expected)
        #expect(try SpanJSONDecoder.decodeOne(SpanJSONEncoder.encode(s)) == s)
        #expect(F.text(SpanJSONEncoder.encode([])) == "[]")
    }

    @Test func roundTripManySpans() throws {
        let spans = (0..<50).map { F.typical(index: $0) }
        let once = SpanJSONEncoder.encode(spans)
        let decoded = try SpanJSONDecoder.decodeList(once)
        #expect(decoded == spans)
        #expect(SpanJSONEncoder.encode(decoded) == once)
    }

    @Test func leniencyAsZipkin() throws {
        let json = """
        [ {"traceId": 123, "id": "ABC", "parentId": null, "name": null, "timestamp": "5", "duration": 1.0e3,
           "unknown": {"deep": [1, {"x": null}, "s"]}, "kind": null,
           "localEndpoint": {"serviceName": "A", "port": "80", "extra": true},
           "remoteEndpoint": {"serviceName": ""}, "tags": {"n": 7, "error": ""},
           "annotations": [{"timestamp": 1, "value": "x", "endpoint": {}}], "debug": false } ]
        """
        let s = try #require(try SpanJSONDecoder.decodeList(F.bytes(json)).first)
        #expect(s.traceId == "0000000000000123")
        #expect(s.id == "0000000000000abc")
        #expect(s.timestamp == 5)
        #expect(s.duration == 1000)
        #expect(s.localEndpoint == (try Endpoint(serviceName: "a", port: 80)))
        #expect(s.remoteEndpoint == nil)
        #expect(s.tags == ["n": "7", "error": ""])
        #expect(s.debug == false)
        #expect(try SpanJSONDecoder.decodeList(F.bytes("[]")).isEmpty)
        #expect(try SpanJSONDecoder.decodeList(F.bytes("  ")).isEmpty)
        // Escaped field names and unicode escapes, including a surrogate pair.
        let esc = #"[{"trace\u0049d":"1","id":"2","name":"\u00e9\ud83d\ude00"}]"#
        let e = try #require(try SpanJSONDecoder.decodeList(F.bytes(esc)).first)
        #expect(e.traceId == "0000000000000001")
        #expect(e.name == "é😀")
    }

    @Test func decodeErrorsNameSpanAndField() {
        func error(_ json: String) -> SpanDecodingError? {
            do { _ = try SpanJSONDecoder.decodeList(F.bytes(json)); return nil } catch { return error }
        }
        // Bare object and v1 lists are refused up front, with Zipkin's wording.
        #expect(error(#"{"traceId":"1","id":"1"}"#)?.description == "Expected a JSON_V2 encoded list")
        #expect(error(#"[{"traceId":"1","id":"1","binaryAnnotations":[]}]"#)?.description
                == "Expected a JSON_V2 encoded list, but received: JSON_V1")

        let badHex = try! #require(error(#"[{"traceId":"1","id":"1"},{"traceId":"12G","id":"b"}]"#))
        #expect(badHex.kind == .invalidField)
        #expect(badHex.spanIndex == 1)
        #expect(badHex.spanId == "000000000000000b") // id after the bad field is still reported
        #expect(badHex.field == "traceId")
        #expect(badHex.reason == "12G should be lower-hex encoded with no prefix")
        #expect(badHex.description.hasPrefix("12G should be lower-hex encoded with no prefix reading List<Span> from json (span 1, id 000000000000000b, field traceId, byte "))

        #expect(error(#"[{"traceId":"1","id":"12345678901234567"}]"#)?.reason == "id.length > 16")
        #expect(error(#"[{"traceId":"1"}]"#)?.reason == "Missing : id")
        #expect(error(#"[{"name":"x"}]"#)?.reason == "Missing : traceId id")
        #expect(error(#"[{"traceId":"1","id":null}]"#)?.reason == "Expected a string but was NULL at line 1 column 22 path $[0].id")
        #expect(error(#"[{"traceId":"1","id":"1","timestamp":"soon"}]"#)?.reason
                == "Expected a long but was soon at line 1 column 38 path $[0].timestamp")
        #expect(error(#"[{"traceId":"1","id":"1","timestamp":1.5}]"#)?.reason
                == "Expected a long but was 1.5 at line 1 column 38 path $[0].timestamp")
        #expect(error(#"[{"traceId":"1","id":"1","debug":"yes"}]"#)?.field == "debug")
        #expect(error(#"[{"traceId":"1","id":"1","kind":"client"}]"#)?.reason == "No enum constant zipkin2.Span.Kind.client")
        #expect(error(#"[{"traceId":"1","id":"1","tags":{"a":null}}]"#)?.reason == "No value at $[0].tags.a")
        #expect(error(#"[{"traceId":"1","id":"1","tags":{"a":true}}]"#)?.field == "tags.a")
        #expect(error(#"[{"traceId":"1","id":"1","annotations":[{"value":"x"}]}]"#)?.reason
                == "Incomplete annotation at $[0].annotations[0]")
        #expect(error(#"[{"traceId":"1","id":"1","localEndpoint":{"port":70000}}]"#)?.reason == "invalid port 70000")
        #expect(error(#"[{"traceId":"1","id":"1","localEndpoint":{"port":70000}}]"#)?.field == "localEndpoint.port")

        let malformed = try! #require(error(#"[{"traceId":"1","id":"1","name":x}]"#))
        #expect(malformed.kind == .malformed)
        #expect(malformed.field == "name")
        #expect(malformed.description.hasPrefix("Malformed reading List<Span> from json: unexpected character 'x'"))
        #expect(error(#"["not a span"]"#)?.reason == "Malformed")
        #expect(error(#"[{"traceId":"1","id":"1"}] trailing"#)?.reason == "Malformed")
        #expect(error(#"[{"traceId":"1","id":"1",}]"#)?.reason == "Malformed")
        #expect(error(#"[{"traceId":"1","id":"1","localEndpoint":"x"}]"#)?.reason == "Malformed")
    }

    @Test func truncatedJSONAtEveryLength() {
        let full = F.bytes("[" + F.typicalJSON + "," + F.typicalJSON + "]")
        for n in 1..<full.count {
            #expect(throws: SpanDecodingError.self) { try SpanJSONDecoder.decodeList(Array(full[0..<n])) }
        }
        #expect((try? SpanJSONDecoder.decodeList(full))?.count == 2)
    }

    @Test func hugeNestingIsAnErrorOrSkippedNotACrash() throws {
        let deep = String(repeating: "[", count: 200_000)
        #expect(throws: SpanDecodingError.self) { try SpanJSONDecoder.decodeList(F.bytes(deep)) }
        let inUnknown = #"[{"traceId":"1","id":"1","x":"# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}]"
        #expect(try SpanJSONDecoder.decodeList(F.bytes(inUnknown)).count == 1)
        let unbalanced = #"[{"traceId":"1","id":"1","x":"# + String(repeating: "[{\"a\":", count: 50_000) + "}]"
        #expect(throws: SpanDecodingError.self) { try SpanJSONDecoder.decodeList(F.bytes(unbalanced)) }
    }

    @Test func wrongTopLevelTypes() {
        for body in ["\"x\"", "1", "null", "true", "{}", "x"] {
            #expect(throws: SpanDecodingError.self) { try SpanJSONDecoder.decodeList(F.bytes(body)) }
        }
        #expect(throws: SpanDecodingError.self) { try SpanJSONDecoder.decodeOne(F.bytes("[]")) }
    }
}
