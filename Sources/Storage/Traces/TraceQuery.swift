import Foundation
import Traces

/// The search parameters of `/api/v2/traces`, normalised and validated as Zipkin's
/// `QueryRequest.Builder.build()`: service and span names lowercased (the remote service
/// too, since stored names are lowercase), empty strings and the span name `all` mean
/// absent, `maxDuration` only with `minDuration`.
public struct TraceQuery: Sendable, Hashable {
    /// One `annotationQuery` term: `key=value`, or a bare `key` (empty `value`) that
    /// matches a tag with that key or an annotation with that value.
    public struct Term: Sendable, Hashable {
        public var key: String
        public var value: String
        public init(key: String, value: String = "") {
            self.key = key
            self.value = value
        }
    }

    public var serviceName: String?
    public var remoteServiceName: String?
    public var spanName: String?
    public var annotationQuery: [Term]
    /// Microseconds.
    public var minDuration: Int64?
    public var maxDuration: Int64?
    /// Epoch milliseconds.
    public var endTs: Int64
    /// Milliseconds before `endTs`.
    public var lookback: Int64
    /// Traces to return, newest first.
    public var limit: Int

    /// Zipkin's server defaults: now, one day, 10 traces.
    public init(serviceName: String? = nil, remoteServiceName: String? = nil, spanName: String? = nil,
                annotationQuery: String? = nil, minDuration: Int64? = nil, maxDuration: Int64? = nil,
                endTs: Int64 = Int64(Date().timeIntervalSince1970 * 1000), lookback: Int64 = 86_400_000,
                limit: Int = 10) throws(TraceQueryError) {
        func clean(_ s: String?) -> String? {
            guard let s, !s.isEmpty else { return nil }
            return s.lowercased()
        }
        self.serviceName = clean(serviceName)
        self.remoteServiceName = clean(remoteServiceName)
        let name = clean(spanName)
        self.spanName = name == "all" ? nil : name
        self.annotationQuery = Self.parseAnnotationQuery(annotationQuery)
        self.minDuration = minDuration
        self.maxDuration = maxDuration
        self.endTs = endTs
        self.lookback = lookback
        self.limit = limit
        if endTs <= 0 { throw TraceQueryError("endTs <= 0") }
        if limit <= 0 { throw TraceQueryError("limit <= 0") }
        if lookback <= 0 { throw TraceQueryError("lookback <= 0") }
        if let minDuration {
            if minDuration <= 0 { throw TraceQueryError("minDuration <= 0") }
            if let maxDuration, maxDuration < minDuration { throw TraceQueryError("maxDuration < minDuration") }
        } else if maxDuration != nil {
            throw TraceQueryError("maxDuration is only valid with minDuration")
        }
    }

    /// `QueryRequest.Builder.parseAnnotationQuery`: terms split on " and "; text after the
    /// first `=` is the value; a later term with the same key replaces the earlier one; an
    /// empty key is dropped.
    public static func parseAnnotationQuery(_ text: String?) -> [Term] {
        guard let text, !text.isEmpty else { return [] }
        var terms: [Term] = []
        for part in text.components(separatedBy: " and ") {
            let term: Term
            if let eq = part.firstIndex(of: "=") {
                term = Term(key: String(part[..<eq]), value: String(part[part.index(after: eq)...]))
            } else {
                term = Term(key: part)
            }
            if term.key.isEmpty { continue }
            if let k = terms.firstIndex(where: { $0.key == term.key }) { terms[k] = term } else { terms.append(term) }
        }
        return terms
    }

    /// Window bounds in microseconds, inclusive.
    var windowMicros: ClosedRange<Int64> { (endTs - lookback) * 1000 ... endTs * 1000 }

    /// `QueryRequest.test`: whether a trace (raw spans) answers the query. Every criterion
    /// must hold on some span of `serviceName` (any span when absent), not necessarily the
    /// same one; the trace's timestamp (its root's, else its earliest) must be in the window.
    public func matches(_ spans: [Span]) -> Bool {
        guard let ts = Self.traceTimestamp(spans), windowMicros.contains(ts) else { return false }
        var sawService = serviceName == nil
        var durationOK = minDuration == nil
        var remoteLeft = remoteServiceName
        var nameLeft = spanName
        var remaining = Dictionary(annotationQuery.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        for span in spans {
            if let serviceName, serviceName != span.localServiceName { continue }
            sawService = true
            for a in span.annotations where remaining[a.value] == "" { remaining[a.value] = nil }
            for (k, v) in span.tags {
                guard let wanted = remaining[k] else { continue }
                if wanted.isEmpty || wanted == v { remaining[k] = nil }
            }
            if remoteLeft != nil && remoteLeft == span.remoteServiceName { remoteLeft = nil }
            if nameLeft != nil && nameLeft == span.name { nameLeft = nil }
            if !durationOK, let minDuration {
                let d = span.duration ?? 0
                durationOK = d >= minDuration && d <= (maxDuration ?? .max)
            }
        }
        return sawService && remoteLeft == nil && nameLeft == nil && remaining.isEmpty && durationOK
    }

    /// The root span's timestamp, else the earliest one (Zipkin's trace timestamp).
    public static func traceTimestamp(_ spans: [Span]) -> Int64? {
        var earliest: Int64?
        for span in spans {
            guard let t = span.timestamp else { continue }
            if span.parentId == nil { return t }
            if earliest == nil || t < earliest! { earliest = t }
        }
        return earliest
    }
}

/// A query Zipkin would refuse, with Zipkin's message (`endTs <= 0`, ...).
public struct TraceQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
