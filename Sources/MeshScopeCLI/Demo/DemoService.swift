import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The behaviour of one demo service: simulated work, then its calls in order, then an
/// answer (HTML for productpage, JSON otherwise). A failed call degrades the answer, as
/// in Bookinfo (productpage shows "reviews unavailable"), except that ratings v2 fails
/// with 500 when its database does not answer.
final class DemoService: Sendable {
    /// What Bookinfo's apps copy from their request to their calls so that the sidecars'
    /// spans join one trace, plus the headers its routing examples match on.
    static let propagatedHeaders: Set<String> = [
        "x-request-id", "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "b3",
        "traceparent", "tracestate", "x-ot-span-context", "end-user", "user-agent",
    ]

    let app: String
    let version: String
    let calls: [String]
    let outbound: String?
    let database: (host: String, port: Int)?
    let work: ClosedRange<Int>
    let logger: Logger
    private let client: HTTPClient

    init(app: String, version: String, calls: [String], outbound: String?, database: (host: String, port: Int)?,
         work: ClosedRange<Int>, logger: Logger) {
        self.app = app
        self.version = version
        self.calls = calls
        self.outbound = outbound
        self.database = database
        self.work = work
        self.logger = logger
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(2), read: .seconds(10))
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    func respond(to request: Request, id: String) async -> Response {
        let propagated = request.headers.compactMap { field -> (String, String)? in
            let name = field.name.canonicalName
            return Self.propagatedHeaders.contains(name) ? (name, field.value) : nil
        }
        try? await Task.sleep(for: .milliseconds(Int.random(in: work)))
        var results: [(service: String, status: Int, body: String)] = []
        for service in calls {
            results.append(await call(service, id: id, headers: propagated))
        }
        var stored: String?
        if let database {
            do {
                stored = try await DemoDatabase.query(host: database.host, port: database.port, key: "\(app)/\(id)")
            } catch {
                logger.warning("database query failed", metadata: ["error": "\(error)"])
                return Self.json(.internalServerError, #"{"error":"could not connect to the ratings database"}"#)
            }
        }
        if app == "productpage" { return Self.html(page(id: id, results: results)) }
        var fields = [#""id":"\#(id)""#, #""podname":"\#(app)-\#(version)""#]
        if let stored { fields.append(#""stored":\#(stored)"#) }
        for result in results {
            let value = result.status == 200 ? result.body : #"{"error":"\#(result.service) unavailable (\#(result.status))"}"#
            fields.append(#""\#(result.service)":\#(value)"#)
        }
        if app == "reviews" { fields.append(#""stars":"\#(["v1": "none", "v2": "black", "v3": "red"][version] ?? "none")""#) }
        return Self.json(.ok, "{" + fields.joined(separator: ",") + "}")
    }

    /// `GET /SERVICE/ID` through the sidecar's outbound listener with `Host: SERVICE:9080`;
    /// status 0 when the call itself failed.
    private func call(_ service: String, id: String, headers: [(String, String)]) async -> (service: String, status: Int, body: String) {
        guard let outbound else { return (service, 0, "") }
        var request = HTTPClientRequest(url: "http://\(outbound)/\(service)/\(id)")
        request.headers.add(name: "Host", value: "\(service):\(DemoTopology.servicePort)")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            let text = String(buffer: body)
            // Only JSON bodies are embedded; a sidecar's plain-text error is summarised.
            let json = text.hasPrefix("{") ? text : #"{"message":"\#(text.prefix(80).replacingOccurrences(of: "\"", with: "'"))"}"#
            return (service, Int(response.status.code), json)
        } catch {
            return (service, 0, "")
        }
    }

    private func page(id: String, results: [(service: String, status: Int, body: String)]) -> String {
        var sections = ""
        for result in results {
            let text = result.status == 200
                ? result.body.replacingOccurrences(of: "<", with: "&lt;")
                : "Sorry, \(result.service) are currently unavailable for this book (status \(result.status))."
            sections += "<h2>\(result.service)</h2>\n<pre>\(text)</pre>\n"
        }
        return """
            <!doctype html>
            <html><head><title>Simple Bookstore App (MeshScope demo)</title></head>
            <body><h1>The Comedy of Errors</h1>
            <p>Served by \(app)-\(version) through the MeshScope sidecars; book \(id).</p>
            \(sections)</body></html>

            """
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
