/// Writes Zipkin JSON v2 byte for byte as Zipkin's `V2SpanWriter` (what `/api/v2/trace/{id}`
/// serves): fields in the order traceId, parentId, id, kind, name, timestamp, duration,
/// localEndpoint, remoteEndpoint, annotations, tags, debug, shared; absent or empty fields
/// left out; tags in Java `TreeMap` key order; strings escaped as `JsonEscaper` does
/// (`"`, `\`, control characters, U+2028 and U+2029; everything else raw UTF-8).
public enum SpanJSONEncoder {
    /// A JSON array of spans (`[]` when empty).
    public static func encode(_ spans: [Span]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(spans.count * 512 + 2)
        encode(spans, into: &out)
        return out
    }

    public static func encode(_ spans: [Span], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, span) in spans.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            write(span, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// One span object.
    public static func encode(_ span: Span) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(512)
        write(span, into: &out)
        return out
    }

    /// A list of traces (`/api/v2/traces`, `/api/v2/traceMany`): `[[...],[...]]`.
    public static func encodeTraces(_ traces: [[Span]]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, trace) in traces.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            encode(trace, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func write(_ s: Span, into out: inout [UInt8]) {
        raw("{\"traceId\":\"", &out); ascii(s.traceId, &out); out.append(quote)
        if let p = s.parentId { raw(",\"parentId\":\"", &out); ascii(p, &out); out.append(quote) }
        raw(",\"id\":\"", &out); ascii(s.id, &out); out.append(quote)
        if let k = s.kind { raw(",\"kind\":\"", &out); ascii(k.rawValue, &out); out.append(quote) }
        if let n = s.name { raw(",\"name\":\"", &out); escaped(n, &out); out.append(quote) }
        if let t = s.timestamp { raw(",\"timestamp\":", &out); number(t, &out) }
        if let d = s.duration { raw(",\"duration\":", &out); number(d, &out) }
        if let e = s.localEndpoint { raw(",\"localEndpoint\":", &out); endpoint(e, &out) }
        if let e = s.remoteEndpoint { raw(",\"remoteEndpoint\":", &out); endpoint(e, &out) }
        if !s.annotations.isEmpty {
            raw(",\"annotations\":[", &out)
            for (i, a) in s.annotations.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                raw("{\"timestamp\":", &out); number(a.timestamp, &out)
                raw(",\"value\":\"", &out); escaped(a.value, &out); raw("\"}", &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        if !s.tags.isEmpty {
            raw(",\"tags\":{", &out)
            for (i, tag) in s.sortedTags.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(quote); escaped(tag.key, &out); raw("\":\"", &out); escaped(tag.value, &out); out.append(quote)
            }
            out.append(UInt8(ascii: "}"))
        }
        if s.debug { raw(",\"debug\":true", &out) }
        if s.shared { raw(",\"shared\":true", &out) }
        out.append(UInt8(ascii: "}"))
    }

    static func endpoint(_ e: Endpoint, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var wrote = false
        if let n = e.serviceName { raw("\"serviceName\":\"", &out); escaped(n, &out); out.append(quote); wrote = true }
        if let v = e.ipv4 {
            if wrote { out.append(UInt8(ascii: ",")) }
            raw("\"ipv4\":\"", &out); escaped(v, &out); out.append(quote); wrote = true
        }
        if let v = e.ipv6 {
            if wrote { out.append(UInt8(ascii: ",")) }
            raw("\"ipv6\":\"", &out); escaped(v, &out); out.append(quote); wrote = true
        }
        if let p = e.port {
            if wrote { out.append(UInt8(ascii: ",")) }
            raw("\"port\":", &out); number(Int64(p), &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static let quote = UInt8(ascii: "\"")

    @inline(__always) static func raw(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) static func ascii(_ s: String, _ out: inout [UInt8]) {
        out.append(contentsOf: s.utf8)
    }

    static func number(_ v: Int64, _ out: inout [UInt8]) {
        if v >= 0 && v < 10 { out.append(0x30 + UInt8(v)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes, enough for Int64.min
        var n = v.magnitude
        withUnsafeMutableBytes(of: &digits) { buf in
            var k = buf.count
            while n > 0 {
                k -= 1
                buf[k] = 0x30 + UInt8(n % 10)
                n /= 10
            }
            if v < 0 { k -= 1; buf[k] = UInt8(ascii: "-") }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[k...]))
        }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// `JsonEscaper.jsonEscape`.
    public static func escaped(_ s: String, _ out: inout [UInt8]) {
        let u = s.utf8
        var needs = false
        for c in u where c < 0x20 || c == quote || c == UInt8(ascii: "\\") || c == 0xE2 {
            needs = true
            break
        }
        if !needs { out.append(contentsOf: u); return }
        let bytes = Array(u)
        var k = 0
        while k < bytes.count {
            let c = bytes[k]
            switch c {
            case quote: raw("\\\"", &out)
            case UInt8(ascii: "\\"): raw("\\\\", &out)
            case 0x09: raw("\\t", &out)
            case 0x08: raw("\\b", &out)
            case 0x0A: raw("\\n", &out)
            case 0x0D: raw("\\r", &out)
            case 0x0C: raw("\\f", &out)
            case 0..<0x20:
                raw("\\u00", &out); out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 0xf)])
            case 0xE2 where k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9):
                raw(bytes[k + 2] == 0xA8 ? "\\u2028" : "\\u2029", &out)
                k += 2
            default: out.append(c)
            }
            k += 1
        }
    }
}
