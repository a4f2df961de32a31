import Testing
@testable import Traces

@Suite struct SpanProtoTests {
    typealias F = Fixtures

    /// A ListOfSpans assembled by hand from zipkin.proto's field numbers.
    static let handAssembled: [UInt8] = {
        var span: [UInt8] = []
        span += [0x0A, 16] + [0x46, 0x3a, 0xc3, 0x5c, 0x9f, 0x64, 0x13, 0xad, 0x48, 0x48, 0x5a, 0x39, 0x53, 0xbb, 0x61, 0x24] // 1 trace_id
        span += [0x12, 8, 0, 0, 0, 0, 0, 0, 0, 0x01]                 // 2 parent_id
        span += [0x1A, 8, 0, 0, 0, 0, 0, 0, 0, 0x02]                 // 3 id
        span += [0x20, 0x02]                                          // 4 kind SERVER
        span += [0x2A, 3] + Array("GET".utf8)                         // 5 name
        span += [0x31, 0x40, 0x42, 0x0F, 0, 0, 0, 0, 0]              // 6 timestamp fixed64 1000000
        span += [0x38, 0xAC, 0x02]                                    // 7 duration varint 300
        let local: [UInt8] = [0x0A, 3] + Array("Api".utf8) + [0x12, 4, 10, 0, 0, 1] + [0x20, 0x90, 0x3F] // port 8080
        span += [0x42, UInt8(local.count)] + local                    // 8 local_endpoint
        let remote: [UInt8] = [0x1A, 16, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0x01]
        span += [0x4A, UInt8(remote.count)] + remote                  // 9 remote_endpoint (ipv6)
        let ann: [UInt8] = [0x09, 0x41, 0x42, 0x0F, 0, 0, 0, 0, 0, 0x12, 2] + Array("ws".utf8)
        span += [0x52, UInt8(ann.count)] + ann                        // 10 annotation at 1000001
        let tag: [UInt8] = [0x0A, 5] + Array("error".utf8) + [0x12, 0]
        span += [0x5A, UInt8(tag.count)] + tag                        // 11 tags {"error": ""}
        span += [0x60, 0x01]                                          // 12 debug
        span += [0x68, 0x01]                                          // 13 shared
        span += [0xF8, 0x01, 0x05]                                    // unknown field 31, varint
        span += [0x75, 1, 2, 3, 4]                                    // unknown field 14, fixed32
        return [0x0A] + varint(span.count) + span + [0x12, 1, 0xFF]  // unknown ListOfSpans field 2
    }()

    static func varint(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        SpanProtoEncoder.varint(UInt64(n), &out)
        return out
    }

    static let expected = try! Span(
        traceId: "463ac35c9f6413ad48485a3953bb6124", id: "0000000000000002", parentId: "0000000000000001",
        kind: .server, name: "get", timestamp: 1_000_000, duration: 300,
        localEndpoint: try! Endpoint(serviceName: "api", ipv4: "10.0.0.1", port: 8080),
        remoteEndpoint: try! Endpoint(ipv6: "2001:db8::c001"),
        annotations: [Annotation(timestamp: 1_000_001, value: "ws")], tags: ["error": ""],
        debug: true, shared: true)

    @Test func handAssembledBytesDecodeToTheExactSpan() throws {
        let spans = try SpanProtoDecoder.decodeList(Self.handAssembled)
        #expect(spans == [Self.expected])
        #expect(F.text(SpanJSONEncoder.encode(spans)).contains(#""remoteEndpoint":{"ipv6":"2001:db8::c001"}"#))
    }

    @Test func roundTrips() throws {
        let spans = (0..<20).map { F.typical(index: $0) } + [Self.expected]
        let bytes = SpanProtoEncoder.encode(spans)
        #expect(try SpanProtoDecoder.decodeList(bytes) == spans)
        // Encoding is canonical: the hand-assembled message minus the unknown fields.
        let again = SpanProtoEncoder.encode(try SpanProtoDecoder.decodeList(bytes))
        #expect(again == bytes)
        #expect(try SpanProtoDecoder.decodeOne(SpanProtoEncoder.encode(Self.expected)) == Self.expected)
        // Proto and JSON agree.
        #expect(try SpanJSONDecoder.decodeList(SpanJSONEncoder.encode(spans)) == (try SpanProtoDecoder.decodeList(bytes)))
        #expect(try SpanProtoDecoder.decodeList([]).isEmpty)
    }

    @Test func sixtyFourBitTraceIdWithZeroHighBytesIsDowngraded() throws {
        var span: [UInt8] = [0x0A, 16] + [UInt8](repeating: 0, count: 8) + [0, 0, 0, 0, 0, 0, 0, 9]
        span += [0x1A, 8, 0, 0, 0, 0, 0, 0, 0, 1]
        let s = try SpanProtoDecoder.decodeOne(span)
        #expect(s.traceId == "0000000000000009")
    }

    @Test func truncatedAtEveryLengthThrowsWithOffset() {
        let full = SpanProtoEncoder.encode([Self.expected, F.typical()])
        let firstEnd = SpanProtoEncoder.encode([Self.expected]).count
        for n in 1..<full.count {
            do {
                let spans = try SpanProtoDecoder.decodeList(Array(full[0..<n]))
                // Only a cut exactly between the two messages is a valid (shorter) list.
                #expect(n == firstEnd && spans == [Self.expected], "prefix of \(n) bytes decoded")
            } catch {
                #expect(error.byteOffset != nil)
                #expect(error.byteOffset! <= n)
            }
        }
        let hand = Self.handAssembled
        for n in 1..<(hand.count - 3) {
            #expect(throws: SpanDecodingError.self) { try SpanProtoDecoder.decodeList(Array(hand[0..<n])) }
        }
    }

    @Test func errorsAreTyped() {
        func error(_ b: [UInt8]) -> SpanDecodingError? {
            do { _ = try SpanProtoDecoder.decodeList(b); return nil } catch { return error }
        }
        let truncated = error([0x0A, 20, 0x0A, 8])
        #expect(truncated?.kind == .truncated)
        #expect(truncated?.byteOffset == 1)
        #expect(truncated?.description == "Truncated reading List<Span> from proto3: length 20 exceeds the 2 bytes left (span 0, byte 1)")
        #expect(error([0x0F])?.description == "Malformed reading List<Span> from proto3: invalid wireType 7 at byte 1 (span 0, byte 1)")
        #expect(error([0x00])?.kind == .malformed) // field number zero
        let missing = error([0x0A, 2, 0x2A, 0])
        #expect(missing?.reason == "Missing : traceId id")
        #expect(missing?.spanIndex == 0)
        let longId = error([0x0A, 14, 0x0A, 1, 1, 0x1A, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(longId?.reason == "id.length > 16")
        #expect(longId?.field == "id")
        let badBool = error([0x0A, 15, 0x0A, 1, 1, 0x1A, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0x60, 2])
        #expect(badBool?.kind == .malformed)
        #expect(badBool?.spanId == "0000000000000001")
        #expect(error([0x0A, 3, 0x0A, 0x80, 0x80])?.kind == .truncated) // varint runs off the end
        #expect(error([0x0A, 12] + [UInt8](repeating: 0xFF, count: 11) + [0x01])?.kind == .malformed)
    }

    @Test func mismatchedWireTypesAndUnknownKindsAreSkipped() throws {
        var span: [UInt8] = [0x0A, 1, 1, 0x1A, 1, 2]
        span += [0x28, 0x05]       // name (5) as varint: skipped
        span += [0x20, 0x09]       // kind 9: unknown, ignored
        span += [0x42, 0]          // empty local endpoint: absent
        span += [0x52, 0]          // empty annotation: dropped
        span += [0x5A, 2, 0x12, 0] // tag without key: dropped
        let s = try SpanProtoDecoder.decodeOne(span)
        #expect(s == (try Span(traceId: "1", id: "2")))
    }
}
