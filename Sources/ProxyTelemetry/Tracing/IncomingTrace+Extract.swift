/// Reading trace headers. Precedence when several formats are present: B3 single, then B3
/// multi, then W3C (Envoy's Zipkin tracer reads `b3` before `x-b3-*`); a malformed header
/// is ignored as if absent, as Envoy does, so the next format gets its turn.
extension IncomingTrace {
    /// Header names this type reads, lower case.
    public static let headerNames = [
        "b3", "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags",
        "traceparent", "tracestate",
    ]

    /// Reads the context from a header lookup by lower-case name (the lookup should match
    /// names case-insensitively, as NIO's `HTTPHeaders` does). Nil when the request carries
    /// neither ids nor a sampling decision.
    public static func extract(_ header: (String) -> String?) -> IncomingTrace? {
        var formats: PropagationFormat = []
        let single = header("b3").flatMap(b3Single)
        if single != nil { formats.insert(.b3Single) }
        let multi = b3Multi(header)
        if multi != nil { formats.insert(.b3Multi) }
        let w3c = header("traceparent").flatMap(traceparent)
        if w3c != nil { formats.insert(.w3c) }

        guard var chosen = [single, multi, w3c].compactMap({ $0 }).first(where: \.hasIDs)
            ?? [single, multi, w3c].compactMap({ $0 }).first
        else { return nil }
        // A decision-only header (`b3: 0`) still binds when another format carries ids.
        if chosen.sampled == nil {
            chosen.sampled = [single, multi, w3c].compactMap({ $0?.sampled }).first
        }
        chosen.formats = formats
        if w3c != nil, let state = header("tracestate"), !state.isEmpty { chosen.traceState = state }
        return chosen
    }

    /// Case-insensitive lookup over a header list (first value wins).
    public static func extract(headers: [(name: String, value: String)]) -> IncomingTrace? {
        extract { name in headers.first { $0.name.lowercased() == name }?.value }
    }

    /// `b3: {traceid}-{spanid}[-{sampling}[-{parentspanid}]]`, or a bare `0`, `1` or `d`.
    static func b3Single(_ value: String) -> IncomingTrace? {
        let text = value.trimmingSpaces
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 1 {
            guard let (sampled, debug) = samplingState(parts[0]) else { return nil }
            return IncomingTrace(sampled: sampled, debug: debug)
        }
        guard parts.count <= 4, let traceId = TraceHex.traceID(parts[0]),
              let spanId = TraceHex.spanID(parts[1]) else { return nil }
        var trace = IncomingTrace(traceId: traceId, spanId: spanId)
        if parts.count >= 3 {
            guard let (sampled, debug) = samplingState(parts[2]) else { return nil }
            trace.sampled = sampled
            trace.debug = debug
        }
        if parts.count == 4 {
            guard let parent = TraceHex.spanID(parts[3]) else { return nil }
            trace.parentSpanId = parent
        }
        return trace
    }

    /// `x-b3-*`: ids need both trace and span id; sampling alone is a decision.
    static func b3Multi(_ header: (String) -> String?) -> IncomingTrace? {
        var trace = IncomingTrace()
        var seen = false
        if let sampled = header("x-b3-sampled")?.trimmingSpaces.lowercased() {
            // `true`/`false` predate the B3 spec and are still sent by old tracers.
            switch sampled {
            case "1", "true": trace.sampled = true; seen = true
            case "0", "false": trace.sampled = false; seen = true
            default: break
            }
        }
        if header("x-b3-flags")?.trimmingSpaces == "1" {
            trace.debug = true
            trace.sampled = true
            seen = true
        }
        if let t = header("x-b3-traceid"), let s = header("x-b3-spanid"),
           let traceId = TraceHex.traceID(t.trimmingSpaces[...]), let spanId = TraceHex.spanID(s.trimmingSpaces[...]) {
            trace.traceId = traceId
            trace.spanId = spanId
            trace.parentSpanId = header("x-b3-parentspanid").flatMap { TraceHex.spanID($0.trimmingSpaces[...]) }
            seen = true
        }
        return seen ? trace : nil
    }

    /// W3C Trace Context level 1: `{version}-{trace-id}-{parent-id}-{flags}`, lower-case hex.
    /// Version `ff` is invalid; a later version may append fields, version 00 may not.
    static func traceparent(_ value: String) -> IncomingTrace? {
        let parts = value.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 4, isLowerHex(parts[0], 2), parts[0] != "ff",
              parts[0] != "00" || parts.count == 4,
              isLowerHex(parts[1], 32), isLowerHex(parts[2], 16), isLowerHex(parts[3], 2),
              let traceId = TraceHex.traceID(parts[1]), let spanId = TraceHex.spanID(parts[2]),
              let flags = UInt8(parts[3], radix: 16)
        else { return nil }
        return IncomingTrace(traceId: traceId, spanId: spanId, sampled: flags & 1 == 1)
    }

    private static func samplingState(_ s: Substring) -> (sampled: Bool, debug: Bool)? {
        switch s {
        case "1": (true, false)
        case "0": (false, false)
        case "d": (true, true)
        default: nil
        }
    }

    private static func isLowerHex(_ s: Substring, _ count: Int) -> Bool {
        s.utf8.count == count && s.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (header values may carry them).
    var trimmingSpaces: String {
        var slice = self[...]
        while let c = slice.first, c == " " || c == "\t" { slice.removeFirst() }
        while let c = slice.last, c == " " || c == "\t" { slice.removeLast() }
        return String(slice)
    }
}
