import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One answer of MeshScope's `/api/v1` API: the HTTP status and the decoded envelope.
struct APIAnswer: CustomStringConvertible {
    var status: Int
    var headers: [(name: String, value: String)]
    var text: String
    var json: [String: Any]

    var isSuccess: Bool { json["status"] as? String == "success" }
    var errorType: String? { json["errorType"] as? String }
    var error: String? { json["error"] as? String }
    var data: Any? { json["data"] }
    var dataObject: [String: Any] { data as? [String: Any] ?? [:] }
    var dataArray: [Any] { data as? [Any] ?? [] }
    var warnings: [String] { json["warnings"] as? [String] ?? [] }
    var infos: [String] { json["infos"] as? [String] ?? [] }
    /// `data.result` of a query.
    var result: [[String: Any]] { dataObject["result"] as? [[String: Any]] ?? [] }
    var resultType: String? { dataObject["resultType"] as? String }

    var description: String { "HTTP \(status): \(text.prefix(600))" }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// What crosses a task boundary (the decoded JSON is not Sendable).
    var outcome: APIOutcome { APIOutcome(status: status, errorType: errorType, error: error, text: text) }
}

struct APIOutcome: Sendable, CustomStringConvertible {
    var status: Int
    var errorType: String?
    var error: String?
    var text: String

    var description: String { "HTTP \(status): \(text.prefix(600))" }
}

/// Talks to `/api/v1` of a serve process: GET with query parameters, or POST with a
/// form-encoded body, as Grafana does.
struct APIClient {
    let baseURL: String

    init(_ serve: ServeProcess) {
        baseURL = serve.baseURL
    }

    func get(_ path: String, _ parameters: [(String, String)] = [], timeout: Duration = .seconds(30)) async throws -> APIAnswer {
        try await send(.GET, path + (parameters.isEmpty ? "" : "?" + Self.form(parameters)), body: nil, timeout: timeout)
    }

    func post(_ path: String, _ parameters: [(String, String)], timeout: Duration = .seconds(30)) async throws -> APIAnswer {
        try await send(.POST, path, body: Self.form(parameters), timeout: timeout)
    }

    func send(_ method: HTTPMethod, _ pathAndQuery: String, body: String?, contentType: String = "application/x-www-form-urlencoded",
              headers: [(String, String)] = [], timeout: Duration = .seconds(30)) async throws -> APIAnswer {
        var request = HTTPClientRequest(url: baseURL + pathAndQuery)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTP.client.execute(request, timeout: .milliseconds(Int64(timeout.components.seconds * 1000)))
        let bytes = try await response.body.collect(upTo: 256 << 20)
        let text = String(buffer: bytes)
        let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return APIAnswer(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                         text: text, json: json)
    }

    static func form(_ parameters: [(String, String)]) -> String {
        parameters.map { HTTP.encode($0.0) + "=" + HTTP.encode($0.1) }.joined(separator: "&")
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `metric` of a result element as a label dictionary.
    var metric: [String: String] { self["metric"] as? [String: String] ?? [:] }
    /// `value` of a vector element or scalar: (seconds, "string").
    var point: (Double, String)? { Self.point(self["value"]) }
    /// `values` of a matrix series.
    var points: [(Double, String)] { (self["values"] as? [Any] ?? []).compactMap { Self.point($0) } }

    static func point(_ any: Any?) -> (Double, String)? {
        guard let pair = any as? [Any], pair.count == 2, let t = (pair[0] as? NSNumber)?.doubleValue,
              let value = pair[1] as? String else { return nil }
        return (t, value)
    }
}
