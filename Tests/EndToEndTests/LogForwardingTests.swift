import Foundation
import Hummingbird
import Synchronization
import Testing

extension EndToEnd {
    /// `log_forwarding` from a real `serve` to a Loki push endpoint on 127.0.0.1 (a small
    /// stand-in that answers 503 twice, then 204): every stored record arrives once, as
    /// its original line, in the stream of the service that sent it.
    @Suite struct LogForwardingTests {
        @Test func recordsArriveInLokiStreamsAcrossRefusals() async throws {
            try await withTemporaryDirectory("log-forward") { dir in
                let loki = try await FakeLoki.start(failFirst: 2)
                defer { loki.cancel() }
                let config = join(dir, "meshscope.yaml")
                try write("""
                    global:
                      external_labels: {cluster: east}
                    log_forwarding:
                      - url: http://127.0.0.1:\(loki.port)/loki/api/v1/push
                        headers: {X-Scope-OrgID: tenant-a}
                        queue_config: {max_records_per_send: 2, batch_send_deadline: 100ms, min_backoff: 50ms, max_backoff: 200ms}
                    """, to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let now = Date()
                let lines = (0..<5).map { LogLines.istio(requestId: "fwd-\($0)", at: now.addingTimeInterval(Double($0 - 10))) }
                let posted = try await serve.postLogs(LogLines.ndjson(lines), query: "?service=productpage")
                #expect(posted.status == 202, "\(posted.status) \(posted.text)")

                let streams = try await eventually("every record pushed", timeout: .seconds(30), context: serve.logTail) {
                    loki.values.count >= 5 ? loki.streams : nil
                }
                #expect(loki.values.map(\.line).sorted() == lines.sorted(), "each original line, once")
                #expect(Set(streams.map(\.labels)) == [["cluster": "east", "service": "productpage", "namespace": "default"]],
                        "\(streams.map(\.labels))")
                #expect(loki.refused == 2 && loki.tenants == ["tenant-a"], "retried after the 503s, with the tenant header")
                let metrics = try await HTTP.get(serve.baseURL + "/metrics").text
                #expect(metrics.contains(#"signal="records""#), "the queue is on /metrics")
                _ = try await serve.stop()
            }
        }
    }
}

/// Loki's `POST /loki/api/v1/push` (JSON) on 127.0.0.1: refuses the first `failFirst`
/// pushes with 503, then keeps every stream it is sent.
final class FakeLoki: Sendable {
    struct Stream: Sendable {
        var labels: [String: String]
        var values: [(nanoseconds: String, line: String)]
    }

    private struct State {
        var failures: Int
        var refused = 0
        var streams: [Stream] = []
        var tenants: Set<String> = []
    }

    let port: Int
    private let box: StateBox
    private let server: Task<Void, Never>

    private init(port: Int, box: StateBox, server: Task<Void, Never>) {
        self.port = port
        self.box = box
        self.server = server
    }

    var streams: [Stream] { box.state.withLock { $0.streams } }
    var values: [(nanoseconds: String, line: String)] { streams.flatMap(\.values) }
    var refused: Int { box.state.withLock { $0.refused } }
    var tenants: Set<String> { box.state.withLock { $0.tenants } }

    static func start(failFirst: Int) async throws -> FakeLoki {
        let box = StateBox(failFirst)
        let router = Router()
        router.post("/loki/api/v1/push") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            let refuse = box.state.withLock { state in
                guard state.failures > 0 else { return false }
                state.failures -= 1
                state.refused += 1
                return true
            }
            if refuse { return Response(status: .serviceUnavailable) }
            let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] ?? [:]
            let streams = (object["streams"] as? [[String: Any]] ?? []).map { stream in
                Stream(labels: stream["stream"] as? [String: String] ?? [:],
                       values: (stream["values"] as? [[String]] ?? []).map { ($0[0], $0[1]) })
            }
            box.state.withLock { state in
                state.streams += streams
                state.tenants.insert(request.headers.first { $0.name.rawName.lowercased() == "x-scope-orgid" }?.value ?? "")
            }
            return Response(status: .noContent)
        }
        let (port, server) = try await LoopbackServer.start(router, name: "fake Loki")
        return FakeLoki(port: port, box: box, server: server)
    }

    func cancel() {
        server.cancel()
    }

    private final class StateBox: Sendable {
        let state: Mutex<State>
        init(_ failures: Int) { state = Mutex(State(failures: failures)) }
    }
}
