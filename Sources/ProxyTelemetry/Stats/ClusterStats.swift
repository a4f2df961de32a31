/// Envoy's per-cluster upstream stats (the subset the data path feeds), under Envoy's names.
public struct ClusterStats: Sendable, Hashable {
    // Counters
    public var upstreamRqTotal: UInt64 = 0
    public var upstreamRqCompleted: UInt64 = 0
    /// By response code (`upstream_rq_200`); the classes are derived from it.
    public var upstreamRqByCode: [Int: UInt64] = [:]
    public var upstreamRqRetry: UInt64 = 0
    public var upstreamRqTimeout: UInt64 = 0
    /// Requests failed by the pending-request or request-count circuit breaker.
    public var upstreamRqPendingOverflow: UInt64 = 0
    /// Connections refused by the connection circuit breaker.
    public var upstreamCxOverflow: UInt64 = 0
    /// Retries not attempted because of the retry circuit breaker.
    public var upstreamRqRetryOverflow: UInt64 = 0
    public var upstreamCxTotal: UInt64 = 0
    public var upstreamCxDestroy: UInt64 = 0
    public var outlierEjectionsTotal: UInt64 = 0
    // Gauges
    public var upstreamRqActive: Int64 = 0
    public var upstreamCxActive: Int64 = 0
    public var outlierEjectionsActive: Int64 = 0

    public init() {}

    /// `upstream_rq_2xx` and friends: counts per class digit 1...5.
    public var upstreamRqByClass: [Int: UInt64] {
        var classes: [Int: UInt64] = [:]
        for (code, n) in upstreamRqByCode where code >= 100 && code < 600 {
            classes[code / 100, default: 0] += n
        }
        return classes
    }

    /// Every stat as Envoy names it after `cluster.<name>.`, with whether it is a counter.
    var entries: [(name: String, value: Int64, counter: Bool)] {
        var out: [(name: String, value: Int64, counter: Bool)] = [
            ("upstream_rq_total", Int64(upstreamRqTotal), true),
            ("upstream_rq_completed", Int64(upstreamRqCompleted), true),
            ("upstream_rq_retry", Int64(upstreamRqRetry), true),
            ("upstream_rq_timeout", Int64(upstreamRqTimeout), true),
            ("upstream_rq_pending_overflow", Int64(upstreamRqPendingOverflow), true),
            ("upstream_cx_overflow", Int64(upstreamCxOverflow), true),
            ("upstream_rq_retry_overflow", Int64(upstreamRqRetryOverflow), true),
            ("upstream_cx_total", Int64(upstreamCxTotal), true),
            ("upstream_cx_destroy", Int64(upstreamCxDestroy), true),
            ("outlier_detection.ejections_total", Int64(outlierEjectionsTotal), true),
            ("upstream_rq_active", upstreamRqActive, false),
            ("upstream_cx_active", upstreamCxActive, false),
            ("outlier_detection.ejections_active", outlierEjectionsActive, false),
        ]
        let classes = upstreamRqByClass
        for digit in 1...5 { out.append(("upstream_rq_\(digit)xx", Int64(classes[digit] ?? 0), true)) }
        for (code, n) in upstreamRqByCode { out.append(("upstream_rq_\(code)", Int64(n), true)) }
        return out
    }
}
