import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Access-log API calls against a `ServeProcess`, and records to send.
extension ServeProcess {
    /// `POST /api/v1/logs` with the body as given.
    func postLogs(_ body: [UInt8], query: String = "", encoding: String? = nil) async throws -> HTTPResult {
        var headers = [("Content-Type", "application/x-ndjson")]
        if let encoding { headers.append(("Content-Encoding", encoding)) }
        return try await HTTP.sendBody(baseURL + "/api/v1/logs" + query, method: .POST, headers: headers, body: body)
    }

    /// `GET /api/v1/logs?...` decoded: the records and the next cursor, failing on non-200.
    func logRecords(_ query: String) async throws -> (records: [[String: Any]], next: String?) {
        let result = try await HTTP.get(baseURL + "/api/v1/logs" + query)
        guard result.status == 200,
              let json = try JSONSerialization.jsonObject(with: Data(result.body)) as? [String: Any],
              let data = json["data"] as? [String: Any], let records = data["records"] as? [[String: Any]] else {
            throw E2EFailure("GET /api/v1/logs\(query) answered \(result.status): \(result.text)")
        }
        return (records, data["nextCursor"] as? String)
    }

    /// Every record of a search, following cursors (bounded).
    func allLogRecords(_ query: String) async throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        var page = try await logRecords(query)
        all += page.records
        var pages = 1
        while let next = page.next, pages < 1000 {
            page = try await logRecords(query + (query.isEmpty ? "?" : "&") + "cursor=" + HTTP.encode(next))
            all += page.records
            pages += 1
        }
        return all
    }
}

enum LogLines {
    /// An Istio default-JSON access-log line (Envoy's `EnvoyJSONLogFormatIstio` keys).
    static func istio(requestId: String, at date: Date = Date(), code: Int = 200, flags: String = "-",
                      durationMs: Int = 12, path: String = "/productpage", cluster: String = "outbound|9080|v1|reviews.default.svc.cluster.local",
                      traceId: String? = nil, userAgent: String = "curl/8.4.0") -> String {
        var fields: [String: Any] = [
            "start_time": iso(date), "method": "GET", "path": path, "protocol": "HTTP/1.1",
            "response_code": code, "response_flags": flags, "response_code_details": "via_upstream",
            "bytes_received": 0, "bytes_sent": 1843, "duration": durationMs, "upstream_service_time": "\(durationMs)",
            "x_forwarded_for": "-", "user_agent": userAgent, "request_id": requestId, "authority": "reviews:9080",
            "upstream_host": "10.44.1.27:9080", "upstream_cluster": cluster, "upstream_local_address": "10.44.1.23:37652",
            "downstream_local_address": "10.0.45.184:9080", "downstream_remote_address": "10.44.1.23:46520",
            "requested_server_name": "-", "route_name": "default",
        ]
        if let traceId { fields["trace_id"] = traceId }
        return json(fields)
    }

    static func json(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func ndjson(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }
}
