import Foundation
import Hummingbird
import Synchronization

/// A receiver on 127.0.0.1 for forwarding tests: records every request (headers and
/// body) and answers with the statuses a test scripts, then 200 (or 202).
final class Receiver: Sendable {
    struct Received: Sendable {
        var headers: [String: String]
        var body: [UInt8]
        var status: Int
    }

    struct Script: Sendable {
        /// Answers for the first requests, in order; `(status, Retry-After)`.
        var answers: [(Int, String?)] = []
        var received: [Received] = []
    }

    let port: Int
    private let box: ScriptBox
    private let server: Task<Void, Never>

    var url: String { "http://127.0.0.1:\(port)/receive" }
    var received: [Received] { box.script.withLock { $0.received } }
    var accepted: [Received] { received.filter { (200..<300).contains($0.status) } }

    private init(port: Int, box: ScriptBox, server: Task<Void, Never>) {
        self.port = port
        self.box = box
        self.server = server
    }

    /// `answers` scripts the first responses; every later one is `success`.
    static func start(answers: [(Int, String?)] = [], success: Int = 200) async throws -> Receiver {
        let box = ScriptBox(Script(answers: answers))
        let router = Router()
        router.post("/receive") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 64 << 20)
            var headers: [String: String] = [:]
            // Lower-case names (HTTP field names are case-insensitive).
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let (status, retryAfter) = box.script.withLock { script -> (Int, String?) in
                let answer = script.answers.isEmpty ? (success, nil) : script.answers.removeFirst()
                script.received.append(Received(headers: headers, body: Array(buffer: body), status: answer.0))
                return answer
            }
            var fields = HTTPFields()
            if let retryAfter { fields[.retryAfter] = retryAfter }
            return Response(status: .init(code: status), headers: fields,
                            body: .init(byteBuffer: ByteBuffer(string: status < 300 ? "" : "scripted \(status)")))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        app.logger.logLevel = .critical
        let server = Task {
            try? await app.run()
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            server.cancel()
            throw ReceiverError.cannotListen
        }
        return Receiver(port: port, box: box, server: server)
    }

    func stop() async {
        server.cancel()
        await server.value
    }
}

/// Holds the script until the `Receiver` exists (the route needs it first).
final class ScriptBox: Sendable {
    let script: Mutex<Receiver.Script>
    init(_ script: Receiver.Script) { self.script = Mutex(script) }
}

enum ReceiverError: Error { case cannotListen, timedOut(String) }

/// Polls `condition` every 20 ms for up to `timeout`.
func waitUntil(_ what: String, timeout: Duration = .seconds(20), _ condition: () -> Bool) async throws {
    let clock = ContinuousClock()
    let end = clock.now + timeout
    while !condition() {
        if clock.now >= end { throw ReceiverError.timedOut(what) }
        try await Task.sleep(for: .milliseconds(20))
    }
}
