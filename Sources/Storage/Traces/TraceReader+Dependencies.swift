import Foundation
import GRDB
import Traces

extension TraceReader {
    /// `/api/v2/dependencies`: Zipkin's links (`DependencyLinker`) over every trace whose
    /// timestamp lies in [endTs - lookback, endTs] (ms), all its spans included, to the
    /// microsecond. Whole minutes come from `DependencyMinutes` when no span written since
    /// touched them; the rest (partial minutes at the edges, minutes not yet computed) is
    /// linked from the spans in one pass, and the whole minutes among it are kept.
    public func dependencies(endTs: Int64, lookback: Int64) throws -> [DependencyLink] {
        guard endTs > 0 else { throw TraceQueryError("endTs <= 0") }
        guard lookback > 0 else { throw TraceQueryError("lookback <= 0") }
        let window = (endTs - lookback) * 1000 ... endTs * 1000
        // Noted before the snapshot: a retention reset in between makes this reader's cache
        // updates void rather than wrong.
        let position = dependencyMinutes.position
        return try pool.read { db in
            let snapshot = try Int64.fetchOne(db, sql: "SELECT max(id) FROM spans") ?? 0
            try accountForNewRows(upTo: snapshot, since: position, db)
            return try links(in: window, snapshot: snapshot, epoch: position.epoch, db)
        }
    }

    /// Drops the cached minutes the traces of rows written since the watermark touch: every
    /// minute from the trace's first to its last stored span, which covers both the minute
    /// its timestamp falls in now and the one it fell in before.
    private func accountForNewRows(upTo snapshot: Int64, since position: (watermark: Int64, epoch: Int),
                                   _ db: Database) throws {
        let watermark = position.watermark
        guard snapshot > watermark else { return }
        guard !dependencyMinutes.isEmpty else {
            dependencyMinutes.advance(to: snapshot, dropping: nil, epoch: position.epoch)
            return
        }
        let strict = options.strictTraceId
        var traces = Set<TraceID>()
        let rows = try Row.fetchCursor(db, sql: "SELECT trace_hi, trace_lo FROM spans WHERE id > ? AND id <= ?",
                                       arguments: [watermark, snapshot])
        while let row = try rows.next() {
            traces.insert(TraceID(high: UInt64(bitPattern: row[0]), low: UInt64(bitPattern: row[1])).key(strict: strict))
        }
        let span = strict
            ? try db.cachedStatement(sql: "SELECT min(ts), max(ts) FROM spans WHERE trace_lo = ? AND trace_hi = ?")
            : try db.cachedStatement(sql: "SELECT min(ts), max(ts) FROM spans WHERE trace_lo = ?")
        var touched: [ClosedRange<Int64>] = []
        for id in traces {
            let arguments: StatementArguments = strict ? [id.storedLow, id.storedHigh] : [id.storedLow]
            guard let row = try Row.fetchOne(span, arguments: arguments),
                  let first = row[0] as Int64?, let last = row[1] as Int64? else { continue }
            touched.append(Self.minute(of: first)...Self.minute(of: last))
        }
        dependencyMinutes.advance(to: snapshot, dropping: touched, epoch: position.epoch)
    }

    private func links(in window: ClosedRange<Int64>, snapshot: Int64, epoch: Int,
                       _ db: Database) throws -> [DependencyLink] {
        let minuteMicros = DependencyMinutes.minuteMicros
        // Whole minutes: those lying entirely inside the window.
        let windowFirst = Self.minute(of: window.lowerBound), windowLast = Self.minute(of: window.upperBound)
        let firstWhole = window.lowerBound == windowFirst * minuteMicros ? windowFirst : windowFirst + 1
        let lastWhole = window.upperBound == (windowLast + 1) * minuteMicros - 1 ? windowLast : windowLast - 1
        let whole: ClosedRange<Int64>? = firstWhole <= lastWhole ? firstWhole...lastWhole : nil
        // Only the minutes holding spans are walked: a lookback may reach back decades.
        // Two subqueries: SQLite answers a lone min() or max() from the index, but not both at once.
        guard let stored = try Row.fetchOne(db, sql: "SELECT (SELECT min(ts) FROM spans), (SELECT max(ts) FROM spans)"),
              let oldest = stored[0] as Int64?, let newest = stored[1] as Int64? else { return [] }
        let firstMinute = max(windowFirst, Self.minute(of: oldest)), lastMinute = min(windowLast, Self.minute(of: newest))
        guard firstMinute <= lastMinute else { return [] }
        let cached = whole.flatMap { whole -> ClosedRange<Int64>? in
            let lower = max(whole.lowerBound, firstMinute), upper = min(whole.upperBound, lastMinute)
            return lower <= upper ? lower...upper : nil
        }.map { dependencyMinutes.cached($0) } ?? [:]

        // The window without the cached minutes, as runs of span time to scan.
        var runs: [ClosedRange<Int64>] = []
        var runStart: Int64?
        for minute in firstMinute...lastMinute {
            if cached[minute] != nil {
                if let start = runStart { runs.append(start...(minute * minuteMicros - 1)) }
                runStart = nil
            } else if runStart == nil {
                runStart = max(window.lowerBound, minute * minuteMicros)
            }
        }
        if let start = runStart { runs.append(start...window.upperBound) }

        var perMinute: [Int64: DependencyLinker] = [:]
        var edges = DependencyLinker()
        var seen = Set<TraceID>()
        let strict = options.strictTraceId
        for run in runs {
            var ids: [TraceID] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT trace_hi, trace_lo FROM spans INDEXED BY spans_by_time WHERE ts BETWEEN ? AND ? ORDER BY ts
                """, arguments: [run.lowerBound, run.upperBound])
            while let row = try rows.next() {
                let id = TraceID(high: UInt64(bitPattern: row[0]), low: UInt64(bitPattern: row[1]))
                if seen.insert(id.key(strict: strict)).inserted { ids.append(id) }
            }
            for id in ids {
                let spans = try rawSpans(of: id, db)
                guard let ts = TraceQuery.traceTimestamp(spans), window.contains(ts) else { continue }
                let minute = Self.minute(of: ts)
                // A trace found in a run whose timestamp lies in a cached minute is counted there.
                if cached[minute] != nil { continue }
                if whole?.contains(minute) == true {
                    perMinute[minute, default: DependencyLinker()].putTrace(spans)
                } else {
                    edges.putTrace(spans)
                }
            }
        }
        var links: [DependencyLink] = []
        for minute in firstMinute...lastMinute {
            if let known = cached[minute] {
                links += known
            } else if whole?.contains(minute) == true {
                let computed = perMinute[minute]?.link() ?? []
                dependencyMinutes.store(minute, computed, snapshot: snapshot, epoch: epoch)
                links += computed
            }
        }
        return DependencyLinker.merge(links + edges.link())
    }

    /// The minute a span time (µs) falls in, rounding down for negative times too.
    static func minute(of micros: Int64) -> Int64 {
        let minuteMicros = DependencyMinutes.minuteMicros
        return micros >= 0 ? micros / minuteMicros : -((-micros + minuteMicros - 1) / minuteMicros)
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
