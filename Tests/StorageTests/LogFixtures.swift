import AccessLogs
import Foundation
import Storage
import Testing

/// 2023-11-14T22:13:20Z in µs; log record times are µs.
let logBase: Int64 = 1_700_000_000_000_000
let logSecond: Int64 = 1_000_000
let logMinute: Int64 = 60 * logSecond

/// An Istio default-JSON line with the fields the log tests vary. The time is written as
/// an epoch number in µs, which the parser reads by magnitude.
func istioLogLine(at ts: Int64, method: String = "GET", path: String = "/", code: Int? = 200, flags: String = "-",
                  durationMs: Int? = 5, traceId: String? = nil, requestId: String? = nil,
                  cluster: String = "outbound|9080||reviews.default.svc.cluster.local",
                  userAgent: String = "curl/8.4.0", authority: String = "reviews:9080") -> String {
    func quoted(_ s: String?) -> String {
        guard let s else { return "null" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
    return "{\"start_time\":\(ts),\"method\":\(quoted(method)),\"path\":\(quoted(path)),\"protocol\":\"HTTP/1.1\","
        + "\"response_code\":\(code.map(String.init) ?? "null"),\"response_flags\":\(quoted(flags)),"
        + "\"duration\":\(durationMs.map(String.init) ?? "null"),\"trace_id\":\(quoted(traceId)),"
        + "\"request_id\":\(quoted(requestId)),\"upstream_cluster\":\(quoted(cluster)),"
        + "\"user_agent\":\(quoted(userAgent)),\"authority\":\(quoted(authority))}"
}

/// The line parsed as the ingest paths parse it.
func logRecord(_ line: String, service: String? = "productpage") throws -> AccessLogRecord {
    try AccessLogParser.parse(line: Array(line.utf8), defaultService: service)
}

func logRecord(at ts: Int64, service: String? = "productpage", method: String = "GET", path: String = "/",
               code: Int? = 200, flags: String = "-", durationMs: Int? = 5, traceId: String? = nil,
               requestId: String? = nil, cluster: String = "outbound|9080||reviews.default.svc.cluster.local",
               userAgent: String = "curl/8.4.0", authority: String = "reviews:9080") throws -> AccessLogRecord {
    try logRecord(istioLogLine(at: ts, method: method, path: path, code: code, flags: flags, durationMs: durationMs,
                               traceId: traceId, requestId: requestId, cluster: cluster, userAgent: userAgent,
                               authority: authority), service: service)
}

/// Opens a log store, runs `body` and closes it.
func withLogStore<T>(_ directory: String, options: LogStoreOptions = .init(), _ body: (LogStore) async throws -> T) async throws -> T {
    let store = try LogStore(directory: directory, options: options)
    do {
        let result = try await body(store)
        try await store.close()
        return result
    } catch {
        try? await store.close()
        throw error
    }
}

/// Every record answering the query, following cursors page by page.
func allPages(_ reader: LogReader, _ query: LogQuery) throws -> (records: [AccessLogRecord], pages: Int) {
    var query = query
    var records: [AccessLogRecord] = []
    var pages = 0
    while true {
        let page = try reader.search(query)
        pages += 1
        records += page.records
        guard let next = page.nextCursor else { return (records, pages) }
        #expect(page.records.count == query.limit, "a page before the last one is full")
        query.cursor = next
    }
}

/// Paths of records, in order.
func logPaths(_ records: [AccessLogRecord]) -> [String] { records.map { $0.path ?? "" } }
