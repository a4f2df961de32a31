/// Read-time clean-up of one trace, as Zipkin's `zipkin2.internal.Trace.merge` (used when
/// serving `/api/v2/trace/{id}` and before linking dependencies).
public enum Trace {
    /// Merges spans reported in several pieces and fixes client/server halves:
    /// - spans are ordered by id, then client before server (unshared before shared), then
    ///   by local endpoint (absent first);
    /// - the longest trace id (128-bit) is applied to every span;
    /// - consecutive spans with the same id, the same shared flag and compatible local
    ///   endpoints (no field contradicting) are merged into one (`Span.Builder.merge`);
    /// - a SERVER span following a CLIENT span with the same id gets `shared` (some
    ///   instrumentation forgets it), and a shared server span without a parent takes its
    ///   client's parent id.
    /// All spans must belong to one trace (same id, possibly 64- and 128-bit forms).
    public static func merge(_ spans: [Span]) -> [Span] {
        if spans.count <= 1 { return spans }
        // Stable sort, as Java's Collections.sort, by the cleanup comparator.
        var result = spans.enumerated().sorted { l, r in
            let c = compare(l.element, r.element)
            return c != 0 ? c < 0 : l.offset < r.offset
        }.map(\.element)

        var traceId = result[0].traceId
        for i in 1..<result.count where traceId.utf8.count != 32 { traceId = result[i].traceId }

        var last: Span?
        var i = 0
        while i < result.count {
            var span = result[i]
            var spanShared = span.shared
            var replacement: SpanBuilder?
            if span.traceId.utf8.count != traceId.utf8.count {
                replacement = SpanBuilder(span)
                replacement!.traceId = traceId
            }

            var tracker: EndpointTracker?
            while i + 1 < result.count {
                let next = result[i + 1]
                if next.id != span.id { break }
                if tracker == nil {
                    tracker = EndpointTracker()
                    _ = tracker!.tryMerge(span.localEndpoint)
                }
                // Cautiously merge the next piece when it looks like the same span.
                if spanShared == next.shared && tracker!.tryMerge(next.localEndpoint) {
                    if replacement == nil { replacement = SpanBuilder(span) }
                    replacement!.merge(next)
                    result.remove(at: i + 1)
                    continue
                }
                break
            }

            if let last, last.id == span.id {
                if last.kind == .client && span.kind == .server && !spanShared {
                    spanShared = true
                    if replacement == nil { replacement = SpanBuilder(span) }
                    replacement!.shared = true
                }
                if spanShared && span.parentId == nil && last.parentId != nil {
                    if replacement == nil { replacement = SpanBuilder(span) }
                    replacement!.parentId = last.parentId
                }
            }

            if let replacement, let built = try? replacement.build() {
                span = built
                result[i] = span
            }
            last = span
            i += 1
        }
        return result
    }

    /// `CLEANUP_COMPARATOR`.
    static func compare(_ l: Span, _ r: Span) -> Int {
        if l == r { return 0 }
        if l.id != r.id { return l.id < r.id ? -1 : 1 }
        let byShared = compareShared(l, r)
        if byShared != 0 { return byShared }
        return compareEndpoint(l.localEndpoint, r.localEndpoint)
    }

    /// Unshared first; among unshared, clients first.
    static func compareShared(_ l: Span, _ r: Span) -> Int {
        if l.shared && r.shared { return 0 }
        if l.shared { return 1 }
        if r.shared { return -1 }
        let lc = l.kind == .client, rc = r.kind == .client
        if lc && rc { return 0 }
        if lc { return -1 }
        if rc { return 1 }
        return 0
    }

    /// Absent endpoints first; then by service name, ipv4, ipv6, where (as in Zipkin's
    /// `nullSafeCompareTo`) an absent field sorts after a present one.
    static func compareEndpoint(_ l: Endpoint?, _ r: Endpoint?) -> Int {
        guard let l else { return r == nil ? 0 : -1 }
        guard let r else { return 1 }
        let byService = nullSafeCompare(l.serviceName, r.serviceName)
        if byService != 0 { return byService }
        let byV4 = nullSafeCompare(l.ipv4, r.ipv4)
        if byV4 != 0 { return byV4 }
        return nullSafeCompare(l.ipv6, r.ipv6)
    }

    static func nullSafeCompare(_ l: String?, _ r: String?) -> Int {
        guard let l else { return r == nil ? 0 : 1 }
        guard let r else { return -1 }
        if l == r { return 0 }
        return javaStringLess(l, r) ? -1 : 1
    }

    /// Endpoints may arrive in pieces: merges while no field contradicts.
    struct EndpointTracker {
        var serviceName: String?, ipv4: String?, ipv6: String?
        var port: Int?

        mutating func tryMerge(_ e: Endpoint?) -> Bool {
            guard let e else { return true }
            if let s = serviceName, let o = e.serviceName, s != o { return false }
            if let s = ipv4, let o = e.ipv4, s != o { return false }
            if let s = ipv6, let o = e.ipv6, s != o { return false }
            if let s = port, let o = e.port, s != o { return false }
            if serviceName == nil { serviceName = e.serviceName }
            if ipv4 == nil { ipv4 = e.ipv4 }
            if ipv6 == nil { ipv6 = e.ipv6 }
            if port == nil { port = e.port }
            return true
        }
    }
}
