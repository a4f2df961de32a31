import AsyncHTTPClient
import Foundation
import NIOCore

enum JSONPost {
    /// POSTs `body` as JSON with optional headers.
    static func send(_ url: String, _ body: [String: String], headers: [(String, String)] = []) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await HTTP.client.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return HTTPResult(status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) },
                          body: Array(bytes.readableBytesView))
    }
}
