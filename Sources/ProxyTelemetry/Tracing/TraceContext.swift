/// The trace context of one hop through the proxy: the span this proxy reports for the
/// request, and what it propagates to the next hop.
///
/// `spanId` is this hop's own span (a new id), `parentSpanId` the caller's span from the
/// incoming headers. Istio runs Envoy's Zipkin tracer with `shared_span_context: false`,
/// so a server span never reuses the client's id: the client span's id is what goes
/// upstream, and the server span on the other side names it as parent.
public struct TraceContext: Sendable, Hashable {
    /// 32 lower-hex digits for traces started here (128-bit), or what the caller sent.
    public var traceId: String
    public var spanId: String
    public var parentSpanId: String?
    public var sampled: Bool
    public var debug: Bool
    /// Header formats to write for the next hop, beyond the B3 multi and W3C always written.
    public var formats: PropagationFormat
    /// W3C `tracestate`, forwarded as it came.
    public var traceState: String?

    public init(traceId: String, spanId: String, parentSpanId: String? = nil, sampled: Bool,
                debug: Bool = false, formats: PropagationFormat = [.b3Multi, .w3c], traceState: String? = nil) {
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.sampled = sampled
        self.debug = debug
        self.formats = formats
        self.traceState = traceState
    }

    /// This hop's context: continues the incoming trace under a new span id, or starts a
    /// new 128-bit trace (keeping a decision-only header's verdict).
    public static func startHop(incoming: IncomingTrace?, sampler: Sampler,
                                random: any RandomSource = SystemRandomSource()) -> TraceContext {
        let sampled = sampler.decide(incoming: incoming, random: random)
        let formats = PropagationFormat([.b3Multi, .w3c]).union(incoming?.formats ?? [])
        if let incoming, let traceId = incoming.traceId, let parent = incoming.spanId {
            return TraceContext(traceId: traceId, spanId: random.nextSpanID(), parentSpanId: parent,
                                sampled: sampled, debug: incoming.debug, formats: formats,
                                traceState: incoming.traceState)
        }
        return TraceContext(traceId: random.nextTraceID(), spanId: random.nextSpanID(), parentSpanId: nil,
                            sampled: sampled, debug: incoming?.debug ?? false, formats: formats)
    }

    /// The W3C `traceparent` value for the next hop.
    public var traceparent: String {
        "00-\(TraceHex.w3cTraceID(traceId))-\(spanId)-\(sampled ? "01" : "00")"
    }

    /// The B3 single `b3` value for the next hop.
    public var b3: String {
        var value = "\(traceId)-\(spanId)-\(debug ? "d" : sampled ? "1" : "0")"
        if let parentSpanId { value += "-\(parentSpanId)" }
        return value
    }
}
