import AsyncHTTPClient
import Foundation
import MeshMetrics

/// A response read whole: status, headers and the raw body bytes (not decompressed).
struct HTTPResult: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Minimal HTTP calls with automatic decompression off, so tests see exactly what the
/// server sent (`HTTPClient.shared` inflates gzip bodies and asks for them by default).
enum HTTP {
    /// Lives as long as the test process; never shut down, so never deinitialised.
    static let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                   configuration: .init(decompression: .disabled))

    static func get(_ url: String, headers: [(String, String)] = [], timeout: Duration = .seconds(10)) async throws -> HTTPResult {
        try await send(url, post: false, headers: headers, timeout: timeout)
    }

    static func post(_ url: String, timeout: Duration = .seconds(10)) async throws -> HTTPResult {
        try await send(url, post: true, headers: [], timeout: timeout)
    }

    private static func send(_ url: String, post: Bool, headers: [(String, String)],
                             timeout: Duration) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: url)
        if post { request.method = .POST }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout.components.seconds * 1000)))
        let body = try await response.body.collect(upTo: 256 << 20)
        return HTTPResult(status: Int(response.status.code),
                          headers: response.headers.map { (name: $0.name, value: $0.value) },
                          body: Array(body.readableBytesView))
    }

    /// Percent-encodes a query value (selectors carry `{`, `"`, `=`, `~`).
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

extension ServeProcess {
    /// `GET /federate?match[]=...` parsed with MeshScope's own parser; a parse failure
    /// fails the test, since federation output must always be valid text format.
    func federate(_ selectors: String...) async throws -> ParsedExposition {
        let result = try await federateRaw(selectors)
        guard result.status == 200 else {
            throw E2EFailure("/federate answered \(result.status): \(result.text)")
        }
        do {
            return try ExpositionParser.parse(result.body, format: .prometheusText)
        } catch {
            throw E2EFailure("/federate output does not parse: \(error)\n\(result.text)")
        }
    }

    func federateRaw(_ selectors: [String], headers: [(String, String)] = []) async throws -> HTTPResult {
        let query = selectors.map { "match%5B%5D=" + HTTP.encode($0) }.joined(separator: "&")
        return try await HTTP.get(baseURL + "/federate?" + query, headers: headers)
    }

    /// The federated `up` value of a job, nil when not (yet) federated.
    func up(job: String) async throws -> Double? {
        try await federate("up{job=\"\(job)\"}").samples.first?.value
    }
}

extension ParsedExposition {
    func samples(named name: String) -> [CollectedSample] {
        samples.filter { $0.labels.metricName == name }
    }
}
