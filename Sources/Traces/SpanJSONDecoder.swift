/// Decodes Zipkin JSON v2 (`SpanBytesDecoder.JSON_V2`, read as `V2SpanReader` reads it).
///
/// What it accepts, as Zipkin does: unknown fields (skipped, whatever their shape), `null`
/// for any optional field, numbers where strings are expected (`"traceId": 123`), numeric
/// strings where numbers are expected (`"timestamp": "1"`), a missing timestamp or duration.
/// What it refuses: a body that is not a list, a JSON v1 list, missing or invalid ids,
/// incomplete annotations, `null` tag values, a `kind` that is not one of the four names,
/// wrong value types, and anything that is not JSON (nothing after the list but whitespace).
/// It never traps: every input either decodes or throws a `SpanDecodingError`.
public enum SpanJSONDecoder {
    /// A JSON array of spans. Empty input or `[]` gives no spans.
    public static func decodeList(_ bytes: [UInt8]) throws(SpanDecodingError) -> [Span] {
        try SpanBytes.withBuffer(bytes) { (p) throws(SpanDecodingError) in try decodeList(p) }
    }

    /// A single span object, as `SpanBytesDecoder.JSON_V2.decodeOne`.
    public static func decodeOne(_ bytes: [UInt8]) throws(SpanDecodingError) -> Span {
        try SpanBytes.withBuffer(bytes) { (p) throws(SpanDecodingError) in try decodeOne(p) }
    }

    public static func decodeList(_ p: UnsafeBufferPointer<UInt8>) throws(SpanDecodingError) -> [Span] {
        var parser = JSONSpanParser(JSONReader(p), list: true)
        parser.reader.skipWhitespace()
        if parser.reader.i == p.count { return [] }
        guard p[parser.reader.i] == UInt8(ascii: "[") else {
            throw SpanDecodingError(kind: .notAList, format: .json, reason: "Expected a JSON_V2 encoded list")
        }
        // ZipkinHttpCollector.testForUnexpectedFormat: a v1 list names "binaryAnnotations".
        if contains(p, jsonV1Marker) {
            throw SpanDecodingError(kind: .unexpectedFormat, format: .json,
                                    reason: "Expected a JSON_V2 encoded list, but received: JSON_V1")
        }
        return try parser.readList()
    }

    public static func decodeOne(_ p: UnsafeBufferPointer<UInt8>) throws(SpanDecodingError) -> Span {
        var parser = JSONSpanParser(JSONReader(p), list: false)
        return try parser.readOne()
    }

    static let jsonV1Marker: [UInt8] = Array("yAnnotations\"".utf8)

    static func contains(_ p: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard p.count >= n else { return false }
        let first = needle[0]
        var k = 0
        outer: while k <= p.count - n {
            if p[k] != first { k += 1; continue }
            for j in 1..<n where p[k + j] != needle[j] { k += 1; continue outer }
            return true
        }
        return false
    }
}

/// Field names the decoder knows, recognised from raw bytes without building strings.
enum JSONKey {
    case traceId, parentId, id, kind, name, timestamp, duration, localEndpoint, remoteEndpoint
    case annotations, tags, debug, shared, serviceName, ipv4, ipv6, port, value, other

    /// The JSON name, for error messages.
    var name: String? {
        switch self {
        case .other: nil
        default: "\(self)"
        }
    }

    init(_ k: UnsafeBufferPointer<UInt8>) {
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            guard k.count == s.utf8CodeUnitCount else { return false }
            let q = s.utf8Start
            for j in 0..<k.count where k[j] != q[j] { return false }
            return true
        }
        switch k.count {
        case 2: self = eq("id") ? .id : .other
        case 4:
            if eq("kind") { self = .kind } else if eq("name") { self = .name } else if eq("tags") { self = .tags }
            else if eq("ipv4") { self = .ipv4 } else if eq("ipv6") { self = .ipv6 } else if eq("port") { self = .port }
            else { self = .other }
        case 5: self = eq("debug") ? .debug : eq("value") ? .value : .other
        case 6: self = eq("shared") ? .shared : .other
        case 7: self = eq("traceId") ? .traceId : .other
        case 8: self = eq("parentId") ? .parentId : eq("duration") ? .duration : .other
        case 9: self = eq("timestamp") ? .timestamp : .other
        case 11: self = eq("annotations") ? .annotations : eq("serviceName") ? .serviceName : .other
        case 13: self = eq("localEndpoint") ? .localEndpoint : .other
        case 14: self = eq("remoteEndpoint") ? .remoteEndpoint : .other
        default: self = .other
        }
    }
}
