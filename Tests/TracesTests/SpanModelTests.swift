import Testing
@testable import Traces

@Suite struct SpanModelTests {
    @Test func traceIdNormalisation() throws {
        #expect(try Span(traceId: "1", id: "1").traceId == "0000000000000001")
        #expect(try Span(traceId: "86154A4BA6E91385", id: "1").traceId == "86154a4ba6e91385")
        // 32 characters with a zero upper half downgrade to 64-bit.
        #expect(try Span(traceId: "000000000000000086154a4ba6e91385", id: "1").traceId == "86154a4ba6e91385")
        #expect(try Span(traceId: "463ac35c9f6413ad48485a3953bb6124", id: "1").traceId == "463ac35c9f6413ad48485a3953bb6124")
        // 17 to 31 characters pad to 32, and are not downgraded afterwards.
        #expect(try Span(traceId: "1" + String(repeating: "0", count: 16), id: "1").traceId
                == "000000000000000" + "1" + String(repeating: "0", count: 16))
        #expect(try Span(traceId: "00001" + String(repeating: "0", count: 16), id: "1").traceId
                == String(repeating: "0", count: 15) + "1" + String(repeating: "0", count: 16))
    }

    @Test func traceIdRejections() {
        #expect(throws: SpanValidationError(field: "traceId", message: "traceId is empty")) { try Span(traceId: "", id: "1") }
        #expect(throws: SpanValidationError(field: "traceId", message: "traceId.length > 32")) {
            try Span(traceId: String(repeating: "a", count: 33), id: "1")
        }
        #expect(throws: SpanValidationError(field: "traceId", message: "traceId is all zeros")) {
            try Span(traceId: "0000", id: "1")
        }
        #expect(throws: SpanValidationError(field: "traceId", message: "0x12 should be lower-hex encoded with no prefix")) {
            try Span(traceId: "0x12", id: "1")
        }
    }

    @Test func spanAndParentIds() throws {
        let s = try Span(traceId: "a", id: "B", parentId: "c")
        #expect(s.id == "000000000000000b")
        #expect(s.parentId == "000000000000000c")
        #expect(try Span(traceId: "a", id: "b", parentId: "0000").parentId == nil)
        // A parent equal to the span's own id is dropped (no self loop).
        #expect(try Span(traceId: "a", id: "b", parentId: "000000000000000B").parentId == nil)
        #expect(throws: SpanValidationError(field: "id", message: "id.length > 16")) {
            try Span(traceId: "a", id: "12345678901234567")
        }
        #expect(throws: SpanValidationError(field: "parentId", message: "parentId.length > 16")) {
            try Span(traceId: "a", id: "1", parentId: "12345678901234567")
        }
        #expect(throws: SpanValidationError(field: "id", message: "id is all zeros")) { try Span(traceId: "a", id: "0000000000000000") }
        #expect(throws: SpanValidationError(field: "id", message: "id is empty")) { try Span(traceId: "a", id: "") }
        #expect(throws: SpanValidationError(field: "parentId", message: "parentId is empty")) {
            try Span(traceId: "a", id: "1", parentId: "")
        }
    }

    @Test func namesTimesEndpoints() throws {
        let s = try Span(traceId: "a", id: "b", name: "GET /Foo", timestamp: -5, duration: 0,
                         localEndpoint: try Endpoint(serviceName: "FrontEnd"),
                         remoteEndpoint: try Endpoint(serviceName: ""))
        #expect(s.name == "get /foo")
        #expect(s.timestamp == nil)
        #expect(s.duration == nil)
        #expect(s.localEndpoint?.serviceName == "frontend")
        #expect(s.remoteEndpoint == nil) // empty endpoint is absent
        #expect(try Span(traceId: "a", id: "b", name: "").name == nil)
    }

    @Test func endpointAddressesAndPorts() throws {
        #expect(try Endpoint(ipv4: "1.2.3.4").ipv4 == "1.2.3.4")
        #expect(try Endpoint(ipv4: "1.2.3").isEmpty) // not an address: ignored, as Zipkin does
        #expect(try Endpoint(ipv4: "256.1.1.1").isEmpty)
        #expect(try Endpoint(ipv6: "2001:DB8:0:0:0:0:0:C001").ipv6 == "2001:db8::c001")
        #expect(try Endpoint(ipv6: "::ffff:10.0.0.1").ipv4 == "10.0.0.1")
        #expect(try Endpoint(ipv6: "::1").ipv6 == "::1")
        #expect(try Endpoint(ipv6: "1.2.3.4").ipv4 == "1.2.3.4") // either key takes either family
        #expect(try Endpoint(port: 0).port == nil)
        #expect(try Endpoint(port: -1).port == nil)
        #expect(throws: SpanValidationError(field: "port", message: "invalid port 65536")) { try Endpoint(port: 65536) }
        var e = Endpoint()
        e.parseIP(bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2])
        #expect(e.ipv4 == "10.0.0.2")
        #expect(IPAddress.formatV6([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) == "2001:db8::1")
        // Zipkin's writeIpV6 compresses the first run closed by a non-zero hextet; a trailing
        // run only when there was no other (its comment claims otherwise; the code wins).
        #expect(IPAddress.formatV6([0x20, 0x01, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0]) == "2001::4:0:0:0:0")
        #expect(IPAddress.formatV6([0x20, 0x01, 0, 1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0]) == "2001:1::4:0:0:0:0")
        #expect(IPAddress.formatV6([UInt8](repeating: 0, count: 16)) == "::")
    }

    @Test func annotationsSortedAndDeduplicated() throws {
        let s = try Span(traceId: "a", id: "b", annotations: [
            Annotation(timestamp: 2, value: "b"), Annotation(timestamp: 1, value: "z"),
            Annotation(timestamp: 2, value: "a"), Annotation(timestamp: 1, value: "z"),
        ])
        #expect(s.annotations == [Annotation(timestamp: 1, value: "z"), Annotation(timestamp: 2, value: "a"),
                                  Annotation(timestamp: 2, value: "b")])
    }

    @Test func flagsAndTags() throws {
        // shared belongs to the server side: cleared on a client span.
        #expect(try Span(traceId: "a", id: "b", kind: .client, shared: true).shared == false)
        #expect(try Span(traceId: "a", id: "b", kind: .server, shared: true).shared == true)
        let s = try Span(traceId: "a", id: "b", tags: ["Error": "", "b": "X Y"])
        #expect(s.tags == ["Error": "", "b": "X Y"]) // kept exactly
        #expect(s.sortedTags.map(\.key) == ["Error", "b"])
    }

    @Test func missingFieldsMessage() {
        #expect(throws: SpanValidationError(field: "traceId", message: "Missing : traceId id")) {
            try SpanBuilder().build()
        }
    }
}

@Suite struct JavaOrderTests {
    @Test func stringOrderIsJavas() {
        // U+FF5E sorts after U+1F600 in UTF-8 / scalar order, but before it in UTF-16 (Java).
        #expect(javaStringLess("\u{1F600}", "\u{FF5E}"))
        #expect(!javaStringLess("\u{FF5E}", "\u{1F600}"))
        #expect(javaStringLess("B", "a"))
        #expect(javaStringLess("a", "ab"))
        #expect(!javaStringLess("a", "a"))
        let s = try! Span(traceId: "a", id: "b", tags: ["\u{FF5E}": "1", "\u{1F600}": "2", "Z": "3"])
        #expect(s.sortedTags.map(\.key) == ["Z", "\u{1F600}", "\u{FF5E}"])
    }
}
