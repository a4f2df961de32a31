/// Writing the next hop's headers: B3 multi and W3C always, `b3` single only when the
/// request came with it. A nil value means "remove the header", so stale values from
/// the incoming request (a parent id, a `b3` of another span) never leak upstream.
extension TraceContext {
    public func inject(_ set: (_ name: String, _ value: String?) -> Void) {
        set("x-b3-traceid", traceId)
        set("x-b3-spanid", spanId)
        set("x-b3-parentspanid", parentSpanId)
        // B3: debug implies an accept decision, so `x-b3-sampled` is not sent with it.
        set("x-b3-sampled", debug ? nil : sampled ? "1" : "0")
        set("x-b3-flags", debug ? "1" : nil)
        set("traceparent", traceparent)
        set("b3", formats.contains(.b3Single) ? b3 : nil)
    }

    /// The headers `inject` writes, in order (removals left out).
    public var headers: [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        inject { name, value in if let value { out.append((name, value)) } }
        return out
    }
}
