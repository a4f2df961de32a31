import Foundation
import Hummingbird
import Synchronization

/// An in-test scrape target: Hummingbird on 127.0.0.1 with a free port, serving the
/// bodies of `FixtureBodies` by path and recording what scrapers sent.
///
/// Paths: `/text` (0.0.4), `/openmetrics`, `/gzip` (gzip when asked for),
/// `/malformed`, `/slow` (sleeps `slowSeconds`), `/sluggish` (slow but in time), `/churn` (series set chosen by the
/// test), `/many` (`manyCount` series).
final class FixtureTarget: Sendable {
    struct State {
        var requests: [String: Int] = [:]
        var acceptEncodings: [String] = []
        var accepts: [String] = []
        var userAgents: Set<String> = []
        var authorizations: [String] = []
        var churnSeries = ["a", "b"]
        var manyCount = 2_000
    }

    static let slowSeconds = 2
    /// `/sluggish` answers after this, well within a 1s scrape timeout.
    static let sluggishDelay = Duration.milliseconds(600)

    let port: Int
    private let box: StateBox
    private let server: Task<Void, Never>

    var address: String { "127.0.0.1:\(port)" }

    private init(port: Int, box: StateBox, server: Task<Void, Never>) {
        self.port = port
        self.box = box
        self.server = server
    }

    static func start() async throws -> FixtureTarget {
        let box = StateBox()
        let router = Router()
        router.get("/text") { request, _ in
            respond(FixtureBodies.text(box.hit("/text", request)), FixtureBodies.textContentType)
        }
        router.get("/openmetrics") { request, _ in
            respond(FixtureBodies.openMetrics(box.hit("/openmetrics", request)), FixtureBodies.openMetricsContentType)
        }
        router.get("/gzip") { request, _ in
            let n = box.hit("/gzip", request)
            let wantsGzip = request.headers[values: .acceptEncoding].contains { $0.lowercased().contains("gzip") }
            return respond(FixtureBodies.gzipTarget(n), FixtureBodies.textContentType, gzip: wantsGzip)
        }
        router.get("/malformed") { request, _ in
            _ = box.hit("/malformed", request)
            return respond(FixtureBodies.malformed, FixtureBodies.textContentType)
        }
        router.get("/slow") { request, _ in
            _ = box.hit("/slow", request)
            try await Task.sleep(for: .seconds(slowSeconds))
            return respond(FixtureBodies.slow, FixtureBodies.textContentType)
        }
        router.get("/sluggish") { request, _ in
            let n = box.hit("/sluggish", request)
            try await Task.sleep(for: sluggishDelay)
            return respond("fixture_sluggish_requests_total \(n)\n", FixtureBodies.textContentType)
        }
        router.get("/churn") { request, _ in
            let n = box.hit("/churn", request)
            return respond(FixtureBodies.churn(n, series: box.state.withLock { $0.churnSeries }), FixtureBodies.textContentType)
        }
        router.get("/many") { request, _ in
            let n = box.hit("/many", request)
            return respond(FixtureBodies.many(n, count: box.state.withLock { $0.manyCount }), FixtureBodies.textContentType)
        }

        let (port, server) = try await LoopbackServer.start(router, name: "the fixture target")
        return FixtureTarget(port: port, box: box, server: server)
    }

    /// Stops the server and waits until it has closed its socket.
    func stop() async {
        server.cancel()
        await server.value
    }

    /// For `defer` when a test fails midway.
    func cancel() {
        server.cancel()
    }

    func requests(_ path: String) -> Int {
        box.state.withLock { $0.requests[path] ?? 0 }
    }

    var acceptEncodings: [String] { box.state.withLock { $0.acceptEncodings } }
    var accepts: [String] { box.state.withLock { $0.accepts } }
    var userAgents: Set<String> { box.state.withLock { $0.userAgents } }
    var authorizations: [String] { box.state.withLock { $0.authorizations } }

    func setChurnSeries(_ series: [String]) {
        box.state.withLock { $0.churnSeries = series }
    }

    func setManyCount(_ count: Int) {
        box.state.withLock { $0.manyCount = count }
    }

    private static func respond(_ text: String, _ contentType: String, gzip: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        var bytes = Array(text.utf8)
        if gzip {
            bytes = Gzip.encodeStored(bytes)
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// The fixture's mutable state, shared by reference between the route closures (built
/// before the `FixtureTarget` exists) and the target.
private final class StateBox: Sendable {
    let state = Mutex(FixtureTarget.State())

    /// Counts a request on `path` and returns its number (1 for the first).
    func hit(_ path: String, _ request: Request) -> Int {
        state.withLock { state in
            state.requests[path, default: 0] += 1
            state.acceptEncodings.append(request.headers[values: .acceptEncoding].joined(separator: ", "))
            state.accepts.append(request.headers[values: .accept].joined(separator: ", "))
            state.userAgents.insert(request.headers[values: .userAgent].joined(separator: ", "))
            state.authorizations.append(request.headers[values: .authorization].joined(separator: ", "))
            return state.requests[path]!
        }
    }
}
