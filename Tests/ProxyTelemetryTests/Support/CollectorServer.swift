import Foundation
import Hummingbird
import Synchronization

/// A stand-in collector: Hummingbird on 127.0.0.1 (free port) that records every POST
/// (path, headers, raw body) and answers 202, or 503 for the first `failFirst` requests,
/// or always `failStatus` when set.
final class CollectorServer: Sendable {
    struct Received: Sendable {
        var path: String
        var contentEncoding: String
        var contentType: String
        var body: [UInt8]
    }

    struct State {
        var received: [Received] = []
        var failFirst = 0
        var failStatus: Int?
        var responses: [Int] = []
    }

    let port: Int
    private let box: StateBox
    private let server: Task<Void, Never>

    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, box: StateBox, server: Task<Void, Never>) {
        self.port = port
        self.box = box
        self.server = server
    }

    static func start(failFirst: Int = 0, failStatus: Int? = nil) async throws -> CollectorServer {
        let box = StateBox(State(failFirst: failFirst, failStatus: failStatus))
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let body = try await request.body.collect(upTo: 16 << 20)
            let status = box.state.withLock { s -> Int in
                s.received.append(Received(
                    path: request.uri.path,
                    contentEncoding: request.headers[values: .contentEncoding].joined(separator: ","),
                    contentType: request.headers[values: .contentType].joined(separator: ","),
                    body: Array(body.readableBytesView)))
                let status: Int
                if let failing = s.failStatus {
                    status = failing
                } else if s.failFirst > 0 {
                    s.failFirst -= 1
                    status = 503
                } else {
                    status = 202
                }
                s.responses.append(status)
                return status
            }
            return Response(status: .init(code: status))
        }
        router.post("/api/v2/spans", use: handler)
        router.post("/api/v1/logs", use: handler)

        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "telemetry-collector"),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        app.logger.logLevel = .critical
        let server = Task {
            try? await app.run()
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            server.cancel()
            throw TestFailure("the collector could not listen on 127.0.0.1")
        }
        return CollectorServer(port: port, box: box, server: server)
    }

    var received: [Received] { box.state.withLock { $0.received } }
    var responses: [Int] { box.state.withLock { $0.responses } }

    func setFailStatus(_ status: Int?) { box.state.withLock { $0.failStatus = status } }

    func stop() async {
        server.cancel()
        await server.value
    }
}

/// Holds the state the route closures share with the server object built after them.
private final class StateBox: Sendable {
    let state: Mutex<CollectorServer.State>
    init(_ initial: CollectorServer.State) { state = Mutex(initial) }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
