/// Trace ids from the propagation headers a proxy sees: B3 multi (`x-b3-traceid`), B3
/// single (`b3: {traceid}-{spanid}[-{sampled}[-{parentspanid}]]`) and W3C
/// (`traceparent: 00-{32 hex}-{16 hex}-{flags}`). Ids come out as Zipkin stores them:
/// lowercase hex, 16 digits for a 64-bit id, 32 for a 128-bit one.
public enum TraceContextHeaders {
    /// Lowercase hex of 16 or 32 digits; shorter ids are left-padded with zeros to 16 or
    /// 32 as Zipkin does. Nil for anything else, empty, `-`, or all zeros (invalid in
    /// both B3 and W3C).
    public static func normalize(_ id: String) -> String? {
        if isCanonical(id) { return id }
        let u = Array(id.trimmingSpaces.utf8)
        guard !u.isEmpty, u.count <= 32 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var nonZero = false
        for c in u {
            guard let v = hexDigit(c) else { return nil }
            if v != 0 { nonZero = true }
            out.append(v < 10 ? 0x30 + v : 0x61 + v - 10)
        }
        guard nonZero else { return nil }
        // Zipkin's rule, so records meet their spans: a 128-bit id whose high half is zero
        // is the 64-bit id.
        if out.count > 16 && out.dropLast(16).allSatisfy({ $0 == 0x30 }) { out.removeFirst(out.count - 16) }
        let width = out.count <= 16 ? 16 : 32
        return String(repeating: "0", count: width - out.count) + String(decoding: out, as: UTF8.self)
    }

    /// `x-b3-traceid`.
    public static func traceId(xB3TraceId value: String) -> String? { normalize(value) }

    /// `b3` single header: the part before the first `-`. A bare sampling state (`0`, `1`,
    /// `d`) has no ids.
    public static func traceId(b3 value: String) -> String? {
        let text = value.trimmingSpaces
        guard let dash = text.firstIndex(of: "-") else { return nil }
        return normalize(String(text[..<dash]))
    }

    /// W3C `traceparent`: version, 32-hex trace id, 16-hex parent id, 2-hex flags. The
    /// version `ff` is invalid; later versions may append fields, which are ignored.
    public static func traceId(traceparent value: String) -> String? {
        let parts = value.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0].utf8.count == 2, parts[0].lowercased() != "ff",
              parts[0].utf8.allSatisfy({ hexDigit($0) != nil }),
              parts[1].utf8.count == 32, parts[2].utf8.count == 16, parts[3].utf8.count == 2 else { return nil }
        if parts[0] == "00" && parts.count != 4 { return nil }
        return normalize(String(parts[1]))
    }

    /// The first trace id found in these headers, trying `x-b3-traceid`, then `b3`, then
    /// `traceparent`. Names match in any case.
    public static func traceId(headers: [(name: String, value: String)]) -> String? {
        func value(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        if let v = value("x-b3-traceid"), let id = traceId(xB3TraceId: v) { return id }
        if let v = value("b3"), let id = traceId(b3: v) { return id }
        if let v = value("traceparent"), let id = traceId(traceparent: v) { return id }
        return nil
    }

    static func hexDigit(_ c: UInt8) -> UInt8? { JSONText.hexValue(c) }

    /// Already as stored (the common case): 16 or 32 lowercase hex digits, not all zero.
    private static func isCanonical(_ id: String) -> Bool {
        let u = id.utf8
        guard u.count == 16 || u.count == 32 else { return false }
        // A 32-digit id with a zero high half is not canonical: it is the 64-bit id.
        if u.count == 32 && u.prefix(16).allSatisfy({ $0 == 0x30 }) { return false }
        var nonZero = false
        for c in u {
            guard (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) else { return false }
            if c != 0x30 { nonZero = true }
        }
        return nonZero
    }
}
