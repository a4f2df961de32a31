import Foundation
import GRDB
import Traces

extension TraceReader {
    /// `/api/v2/dependencies`: Zipkin's links (`DependencyLinker`) over every trace whose
    /// timestamp lies in [endTs - lookback, endTs] (ms), all its spans included. Computed
    /// from the spans at query time, so any lookback works, to the microsecond.
    public func dependencies(endTs: Int64, lookback: Int64) throws -> [DependencyLink] {
        guard endTs > 0 else { throw TraceQueryError("endTs <= 0") }
        guard lookback > 0 else { throw TraceQueryError("lookback <= 0") }
        let window = (endTs - lookback) * 1000 ... endTs * 1000
        let strict = options.strictTraceId
        return try pool.read { db in
            var linker = DependencyLinker()
            var seen = Set<TraceID>()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT trace_hi, trace_lo FROM spans INDEXED BY spans_by_time WHERE ts BETWEEN ? AND ? ORDER BY ts
                """, arguments: [window.lowerBound, window.upperBound])
            var ids: [TraceID] = []
            while let row = try rows.next() {
                let id = TraceID(high: UInt64(bitPattern: row[0]), low: UInt64(bitPattern: row[1]))
                if seen.insert(id.key(strict: strict)).inserted { ids.append(id) }
            }
            for id in ids {
                let spans = try rawSpans(of: id, db)
                guard let ts = TraceQuery.traceTimestamp(spans), window.contains(ts) else { continue }
                linker.putTrace(spans)
            }
            return linker.link()
        }
    }

    /// Calls, errors and latency per (caller, callee) edge for the spans that started in
    /// [fromMicros, toMicros], for the service graph. Read from the indexed columns, no
    /// span decoding. Pairing, per trace:
    /// - a SERVER span and the CLIENT span with the same id (shared span), or else the
    ///   CLIENT span that is its parent (one span per side), form one call: caller is the
    ///   client's service, callee the server's; latency is the client's duration (what the
    ///   caller waited, network included), else the server's; an error on either side counts.
    /// - an unpaired CLIENT (or kindless span with a remote service): local → remote.
    /// - an unpaired SERVER: remote service (else its parent span's service) → local.
    /// - PRODUCER: local → broker; CONSUMER: broker → local.
    public func edgeMetrics(fromMicros: Int64, toMicros: Int64) throws -> [EdgeMetrics] {
        let rows: [EdgeSpanRow] = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT trace_hi, trace_lo, span_id, parent_id, kind, local_service, remote_service, duration, error
                FROM spans INDEXED BY spans_by_time WHERE ts BETWEEN ? AND ?
                """, arguments: [fromMicros, toMicros]).map(EdgeSpanRow.init)
        }
        return EdgeAggregator.aggregate(rows)
    }
}

/// One edge of the service graph over a time range.
public struct EdgeMetrics: Sendable, Hashable {
    public var caller: String
    public var callee: String
    public var calls: Int64
    public var errors: Int64
    /// Latency percentiles in microseconds (nearest rank) over the calls with a duration;
    /// nil when none had one.
    public var p50: Int64?
    public var p95: Int64?
    public var p99: Int64?

    public init(caller: String, callee: String, calls: Int64, errors: Int64, p50: Int64?, p95: Int64?, p99: Int64?) {
        self.caller = caller
        self.callee = callee
        self.calls = calls
        self.errors = errors
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }

    /// Nearest-rank percentile of ascending values: the smallest value with at least `q`
    /// of the values at or below it.
    static func percentile(_ sorted: [Int64], _ q: Double) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
