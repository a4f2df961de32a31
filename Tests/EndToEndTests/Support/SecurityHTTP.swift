import AsyncHTTPClient
import Foundation
import NIOCore

/// Any method, headers and body over plain HTTP, for the auth and limit tests (`HTTP`
/// only does bodiless GET and POST).
enum SecurityHTTP {
    static func send(_ method: String, _ url: String, token: String? = nil, headers: [(String, String)] = [],
                     body: [UInt8]? = nil, timeout: Duration = .seconds(20)) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Length", value: String(body.count))
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTP.client.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
        let collected = try await response.body.collect(upTo: 64 << 20)
        return HTTPResult(status: Int(response.status.code),
                          headers: response.headers.map { (name: $0.name, value: $0.value) },
                          body: Array(collected.readableBytesView))
    }

    /// The value of one unlabelled-or-labelled sample line of a `/metrics` body, e.g.
    /// `meshscope_http_rate_limited_total{route_class="ingest"}`.
    static func sampleValue(_ exposition: String, _ series: String) -> Double? {
        for line in exposition.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1).split(separator: " ").first ?? "")
        }
        return nil
    }
}
