import NIOCore
import NIOPosix

/// `bench proxy`'s in-process HTTP/1.1 server on 127.0.0.1: `GET` answers 200 with a
/// fixed 100-byte body, `POST` (the proxy's spans and access logs, when used as the
/// collector) answers 202 and is counted. Raw bytes on NIO, keep-alive, no codec, so the
/// upstream adds as little as possible to every target's latency.
final class ProxyBenchUpstream: Sendable {
    let port: Int
    let posts: ProxyBenchPostCounter
    private let channel: any Channel

    private init(port: Int, posts: ProxyBenchPostCounter, channel: any Channel) {
        self.port = port
        self.posts = posts
        self.channel = channel
    }

    static let body = String(String(repeating: "meshscope-bench ", count: 7).prefix(99)) + "\n"

    static func start(group: any EventLoopGroup) async throws -> ProxyBenchUpstream {
        let posts = ProxyBenchPostCounter()
        let ok = ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        let accepted = ByteBuffer(string: "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n")
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ProxyBenchUpstreamHandler(ok: ok, accepted: accepted, posts: posts))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ProxyBenchUpstream(port: channel.localAddress?.port ?? 0, posts: posts, channel: channel)
    }

    func stop() async {
        try? await channel.close()
    }
}
