import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Traces

/// Zipkin API calls against a `ServeProcess`: posting span bodies as a reporter does and
/// reading `/api/v2/*`, on the main port or on the Zipkin listener.
extension ServeProcess {
    var zipkinURL: String {
        get throws {
            guard let zipkinPort else { throw E2EFailure("the Zipkin listener is off") }
            return "http://127.0.0.1:\(zipkinPort)"
        }
    }

    /// `POST /api/v2/spans` with the body as given (already encoded, maybe gzipped).
    func postSpans(_ body: [UInt8], contentType: String? = "application/json", encoding: String? = nil,
                   base: String? = nil) async throws -> HTTPResult {
        var headers: [(String, String)] = []
        if let contentType { headers.append(("Content-Type", contentType)) }
        if let encoding { headers.append(("Content-Encoding", encoding)) }
        return try await HTTP.sendBody((base ?? baseURL) + "/api/v2/spans", method: .POST, headers: headers, body: body)
    }

    /// Posts spans as JSON v2 and fails unless the answer is an empty 202.
    func postJSON(_ spans: [Span]) async throws {
        let result = try await postSpans(SpanJSONEncoder.encode(spans))
        guard result.status == 202, result.body.isEmpty else {
            throw E2EFailure("POST /api/v2/spans answered \(result.status): \(result.text)\n\(logTail())")
        }
    }

    /// `GET` of a Zipkin path (`/api/v2/services`), on the main port unless `base` is given.
    func zipkin(_ pathAndQuery: String, base: String? = nil) async throws -> HTTPResult {
        try await HTTP.get((base ?? baseURL) + pathAndQuery)
    }

    /// A JSON string array (`/services`, `/spans`, ...), failing on anything but 200.
    func names(_ pathAndQuery: String) async throws -> [String] {
        let result = try await zipkin(pathAndQuery)
        guard result.status == 200 else { throw E2EFailure("\(pathAndQuery) answered \(result.status): \(result.text)") }
        return try JSONSerialization.jsonObject(with: Data(result.body)) as? [String] ?? []
    }

    /// `/api/v2/trace/{id}` decoded, nil on 404.
    func trace(_ id: String, base: String? = nil) async throws -> [Span]? {
        let result = try await zipkin("/api/v2/trace/\(id)", base: base)
        if result.status == 404 { return nil }
        guard result.status == 200 else { throw E2EFailure("trace \(id) answered \(result.status): \(result.text)") }
        return try SpanJSONDecoder.decodeList(result.body)
    }

    /// A list of traces (`/traces`, `/traceMany`) as the trace ids it holds, in order.
    func traceIDs(_ pathAndQuery: String) async throws -> [String] {
        let result = try await zipkin(pathAndQuery)
        guard result.status == 200 else { throw E2EFailure("\(pathAndQuery) answered \(result.status): \(result.text)") }
        guard let traces = try JSONSerialization.jsonObject(with: Data(result.body)) as? [[[String: Any]]] else {
            throw E2EFailure("\(pathAndQuery) is not a list of traces: \(result.text)")
        }
        return traces.compactMap { $0.first?["traceId"] as? String }
    }
}

extension HTTP {
    /// Any method with a body; gzip is never added or removed on the way.
    static func sendBody(_ url: String, method: HTTPMethod, headers: [(String, String)] = [], body: [UInt8] = [],
                     timeout: Duration = .seconds(10)) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if !body.isEmpty || method == .POST { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout.components.seconds * 1000)))
        let collected = try await response.body.collect(upTo: 256 << 20)
        return HTTPResult(status: Int(response.status.code),
                          headers: response.headers.map { (name: $0.name, value: $0.value) },
                          body: Array(collected.readableBytesView))
    }
}

/// gzip with real DEFLATE compression, from the system's `gzip` (for bombs: stored blocks
/// never shrink anything).
func gzipCompressed(_ bytes: [UInt8], workDir: String) throws -> [UInt8] {
    let input = join(workDir, "gzip-\(UUID().uuidString.prefix(8))")
    try Data(bytes).write(to: URL(fileURLWithPath: input))
    defer { try? FileManager.default.removeItem(atPath: input) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-9", "-c", input]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw E2EFailure("gzip failed with status \(process.terminationStatus)") }
    return [UInt8](data)
}
