import NIOCore
import NIOHTTP1

/// Serves the admin listener: readiness, stats through the hooks, the effective config,
/// cluster state, and `/quitquitquit`.
struct AdminSession: Sendable {
    let hooks: AdminHooks
    let registry: ConnectionRegistry
    let policy: PolicyState
    let clusters: ClusterManager
    let boundPorts: @Sendable () -> BoundPorts?
    let quit: @Sendable () -> Void

    struct Reply {
        var status: HTTPResponseStatus
        var contentType: String
        var body: String
    }

    func serve(_ connection: HTTPServerConnection) async {
        guard let id = registry.register(connection.channel) else {
            connection.channel.close(promise: nil)
            return
        }
        defer { registry.remove(id) }
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    // Busy until answered, so a drain (even one this request starts) lets it finish.
                    registry.setBusy(id, true)
                case .body:
                    continue
                case .end:
                    guard let request = head else { continue }
                    let reply = respond(to: request)
                    var headers = HTTPHeaders([("content-type", reply.contentType),
                                               ("content-length", String(reply.body.utf8.count))])
                    let keepAlive = request.isKeepAlive && !registry.isDraining
                    if !keepAlive { headers.add(name: "connection", value: "close") }
                    try await outbound.write(.head(HTTPResponseHead(version: request.version, status: reply.status,
                                                                    headers: headers)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(string: reply.body))))
                    try await outbound.write(.end(nil))
                    registry.setBusy(id, false)
                    if !keepAlive || registry.isDraining { return }
                }
            }
        }
    }

    func respond(to head: HTTPRequestHead) -> Reply {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        let query = head.uri.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        switch path {
        case "/ready":
            return registry.isDraining ? Reply(status: .serviceUnavailable, contentType: "text/plain", body: "DRAINING\n")
                : Reply(status: .ok, contentType: "text/plain", body: "LIVE\n")
        case "/stats/prometheus":
            let openMetrics = head.headers["accept"].contains { $0.contains("application/openmetrics-text") }
            let type = openMetrics ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                : "text/plain; version=0.0.4; charset=utf-8"
            return Reply(status: .ok, contentType: type, body: hooks.prometheusText(openMetrics))
        case "/stats":
            return Reply(status: .ok, contentType: "text/plain; charset=utf-8", body: hooks.statsText())
        case "/config_dump":
            let snapshot = policy.snapshot
            return Reply(status: .ok, contentType: "application/json",
                         body: ConfigDump.json(snapshot.config, generation: snapshot.generation, boundPorts: boundPorts()))
        case "/clusters":
            let snapshots = clusters.snapshots()
            if query.contains("format=json") {
                return Reply(status: .ok, contentType: "application/json", body: ClustersText.json(snapshots))
            }
            return Reply(status: .ok, contentType: "text/plain", body: ClustersText.render(snapshots))
        case "/quitquitquit":
            guard head.method == .POST else {
                return Reply(status: .methodNotAllowed, contentType: "text/plain", body: "use POST\n")
            }
            quit()
            return Reply(status: .ok, contentType: "text/plain", body: "OK\n")
        default:
            return Reply(status: .notFound, contentType: "text/plain", body: "not found: \(path)\n")
        }
    }
}
