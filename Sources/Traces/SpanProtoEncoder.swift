/// Writes proto3 `ListOfSpans` as Zipkin's `Proto3SpanWriter`: fields in number order,
/// defaults omitted, ids as raw bytes, addresses as 4 or 16 bytes, tags in Java `TreeMap`
/// key order. Used by tests and for OpenTelemetry-style round trips.
public enum SpanProtoEncoder {
    public static func encode(_ spans: [Span]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(spans.count * 300)
        var scratch = [UInt8]()
        for span in spans {
            scratch.removeAll(keepingCapacity: true)
            write(span, into: &scratch)
            lengthDelimited(1, scratch, &out)
        }
        return out
    }

    /// One `Span` message (no `ListOfSpans` wrapper).
    public static func encode(_ span: Span) -> [UInt8] {
        var out = [UInt8]()
        write(span, into: &out)
        return out
    }

    static func write(_ s: Span, into out: inout [UInt8]) {
        lengthDelimited(1, HexID.bytes(s.traceId), &out)
        if let p = s.parentId { lengthDelimited(2, HexID.bytes(p), &out) }
        lengthDelimited(3, HexID.bytes(s.id), &out)
        if let k = s.kind { key(4, 0, &out); varint(k.protoNumber, &out) }
        if let n = s.name { lengthDelimited(5, Array(n.utf8), &out) }
        if let t = s.timestamp { key(6, 1, &out); fixed64(UInt64(bitPattern: t), &out) }
        if let d = s.duration { key(7, 0, &out); varint(UInt64(bitPattern: d), &out) }
        if let e = s.localEndpoint { lengthDelimited(8, endpoint(e), &out) }
        if let e = s.remoteEndpoint { lengthDelimited(9, endpoint(e), &out) }
        for a in s.annotations {
            var m = [UInt8]()
            if a.timestamp != 0 { key(1, 1, &m); fixed64(UInt64(bitPattern: a.timestamp), &m) }
            if !a.value.isEmpty { lengthDelimited(2, Array(a.value.utf8), &m) }
            lengthDelimited(10, m, &out)
        }
        for (k, v) in s.sortedTags {
            var m = [UInt8]()
            lengthDelimited(1, Array(k.utf8), &m)
            lengthDelimited(2, Array(v.utf8), &m)
            lengthDelimited(11, m, &out)
        }
        if s.debug { key(12, 0, &out); out.append(1) }
        if s.shared { key(13, 0, &out); out.append(1) }
    }

    static func endpoint(_ e: Endpoint) -> [UInt8] {
        var m = [UInt8]()
        if let n = e.serviceName { lengthDelimited(1, Array(n.utf8), &m) }
        if let b = e.ipv4Bytes { lengthDelimited(2, b, &m) }
        if let b = e.ipv6Bytes { lengthDelimited(3, b, &m) }
        if let p = e.port { key(4, 0, &m); varint(UInt64(p), &m) }
        return m
    }

    static func key(_ field: UInt64, _ wire: UInt64, _ out: inout [UInt8]) {
        varint(field << 3 | wire, &out)
    }

    static func varint(_ value: UInt64, _ out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func fixed64(_ value: UInt64, _ out: inout [UInt8]) {
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
    }

    /// Zipkin leaves out null fields but writes empty strings (a tag value may be "").
    static func lengthDelimited(_ field: UInt64, _ bytes: [UInt8], _ out: inout [UInt8]) {
        key(field, 2, &out)
        varint(UInt64(bytes.count), &out)
        out.append(contentsOf: bytes)
    }
}
