/// The trace context a request arrived with, read from its headers by `extract`.
///
/// It may hold only a sampling decision (`b3: 0`, or `x-b3-sampled: 0` without ids):
/// then `traceId` and `spanId` are nil and the hop starts a new trace that keeps the
/// decision.
public struct IncomingTrace: Sendable, Hashable {
    /// 16 or 32 lower-hex digits.
    public var traceId: String?
    /// The caller's span: the parent of the span this hop reports.
    public var spanId: String?
    /// The caller's own parent, as B3 passed it (informational).
    public var parentSpanId: String?
    /// The caller's decision; nil when it deferred.
    public var sampled: Bool?
    /// B3 `x-b3-flags: 1` or `b3: ...-d`: always sample, and mark the span debug.
    public var debug: Bool
    /// Every format seen on the request, so the next hop can be written the same ways.
    public var formats: PropagationFormat
    /// W3C `tracestate`, passed on untouched.
    public var traceState: String?

    public init(traceId: String? = nil, spanId: String? = nil, parentSpanId: String? = nil,
                sampled: Bool? = nil, debug: Bool = false, formats: PropagationFormat = [],
                traceState: String? = nil) {
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.sampled = sampled
        self.debug = debug
        self.formats = formats
        self.traceState = traceState
    }

    /// Whether a trace is being continued (ids present), rather than only a decision.
    public var hasIDs: Bool { traceId != nil && spanId != nil }
}
