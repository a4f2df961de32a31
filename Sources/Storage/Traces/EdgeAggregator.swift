import Foundation
import GRDB
import Traces

/// The columns edge metrics need from one span row.
struct EdgeSpanRow {
    var trace: TraceID
    var spanID: Int64
    var parentID: Int64?
    var kind: SpanKind?
    var local: String?
    var remote: String?
    var duration: Int64?
    var error: Bool

    init(_ row: Row) {
        trace = TraceID(high: UInt64(bitPattern: row[0]), low: UInt64(bitPattern: row[1]))
        spanID = row[2]
        parentID = row[3]
        kind = SpanKind(protoNumber: UInt64(row[4] as Int64))
        local = row[5]
        remote = row[6]
        duration = row[7]
        error = row[8]
    }
}

/// Pairs client and server halves into calls and sums them per edge (see `edgeMetrics`).
enum EdgeAggregator {
    private struct SpanKey: Hashable {
        var trace: TraceID
        var span: Int64
    }

    private struct Edge: Hashable {
        var caller: String
        var callee: String
    }

    private struct Sums {
        var calls: Int64 = 0
        var errors: Int64 = 0
        var durations: [Int64] = []
    }

    static func aggregate(_ rows: [EdgeSpanRow]) -> [EdgeMetrics] {
        // First client piece per span id; services of every span for parent lookups.
        var clients: [SpanKey: Int] = [:]
        var serviceOf: [SpanKey: String] = [:]
        for (i, row) in rows.enumerated() {
            let key = SpanKey(trace: row.trace, span: row.spanID)
            if row.kind == .client && clients[key] == nil { clients[key] = i }
            if row.kind != .server, let local = row.local, serviceOf[key] == nil { serviceOf[key] = local }
        }
        var sums: [Edge: Sums] = [:]
        func add(_ caller: String?, _ callee: String?, _ duration: Int64?, _ error: Bool) {
            guard let caller, let callee else { return }
            var s = sums[Edge(caller: caller, callee: callee), default: Sums()]
            s.calls += 1
            if error { s.errors += 1 }
            if let duration { s.durations.append(duration) }
            sums[Edge(caller: caller, callee: callee)] = s
        }

        var paired = Set<Int>()
        var servers = Set<String>() // one call per (trace, span id, server service)
        for row in rows where row.kind == .server {
            let key = SpanKey(trace: row.trace, span: row.spanID)
            guard servers.insert("\(row.trace)/\(row.spanID)/\(row.local ?? "")").inserted else { continue }
            var client = clients[key].flatMap { paired.contains($0) ? nil : $0 }
            if client == nil, let parent = row.parentID,
               let c = clients[SpanKey(trace: row.trace, span: parent)], !paired.contains(c),
               rows[c].local != row.local {
                client = c
            }
            if let c = client {
                paired.insert(c)
                let caller = rows[c]
                add(caller.local ?? row.remote, row.local ?? caller.remote,
                    caller.duration ?? row.duration, caller.error || row.error)
            } else {
                let parentService = row.parentID.flatMap { serviceOf[SpanKey(trace: row.trace, span: $0)] }
                add(row.remote ?? parentService, row.local, row.duration, row.error)
            }
        }
        for (i, row) in rows.enumerated() where !paired.contains(i) {
            switch row.kind {
            case .client where clients[SpanKey(trace: row.trace, span: row.spanID)] == i,
                 .producer,
                 nil where row.remote != nil:
                add(row.local, row.remote, row.duration, row.error)
            case .consumer:
                add(row.remote, row.local, row.duration, row.error)
            default:
                break
            }
        }
        return sums.map { edge, s in
            let sorted = s.durations.sorted()
            return EdgeMetrics(caller: edge.caller, callee: edge.callee, calls: s.calls, errors: s.errors,
                               p50: EdgeMetrics.percentile(sorted, 0.50), p95: EdgeMetrics.percentile(sorted, 0.95),
                               p99: EdgeMetrics.percentile(sorted, 0.99))
        }.sorted { ($0.caller, $0.callee) < ($1.caller, $1.callee) }
    }
}
