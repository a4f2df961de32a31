import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A request as a test upstream received it.
struct ReceivedRequest: Sendable {
    var head: HTTPRequestHead
    var body: [UInt8]
    /// Which accepted connection (1, 2...) carried it.
    var connection: Int
    /// Whether the body arrived chunked.
    var chunked: Bool

    var bodyText: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { head.headers.first(name: name) }
}

/// What a test upstream answers.
struct TestReply: Sendable {
    var status: Int = 200
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// Wait this long before answering.
    var delay: Duration?
    /// Send the body with chunked encoding (no content-length).
    var chunked = false
    /// Close the connection after answering (or, with `dropBeforeReply`, instead).
    var close = false
    var dropBeforeReply = false

    static func text(_ text: String, status: Int = 200) -> TestReply {
        TestReply(status: status, body: Array(text.utf8))
    }
}

/// An HTTP/1.1 server on 127.0.0.1 whose answers a closure decides; it counts and keeps
/// what it received.
final class TestUpstream: Sendable {
    private struct Log {
        var requests: [ReceivedRequest] = []
        var connections = 0
    }

    let port: Int
    private let server: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
    private let log = Mutex(Log())
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

    init(_ respond: @escaping @Sendable (ReceivedRequest) async -> TestReply) async throws {
        server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        port = server.channel.localAddress?.port ?? 0
        let server = self.server
        let accepting = Task { [self] () -> Void in
            await withDiscardingTaskGroup { group in
                try? await server.executeThenClose { inbound in
                    for try await connection in inbound {
                        let number = log.withLock { log in
                            log.connections += 1
                            return log.connections
                        }
                        group.addTask { await self.serve(connection, number: number, respond: respond) }
                    }
                }
            }
        }
        task.withLock { $0 = accepting }
    }

    convenience init(reply: TestReply = .text("ok")) async throws {
        try await self.init { _ in reply }
    }

    var requests: [ReceivedRequest] { log.withLock { $0.requests } }
    var requestCount: Int { log.withLock { $0.requests.count } }
    var connectionCount: Int { log.withLock { $0.connections } }
    var address: String { "127.0.0.1:\(port)" }

    func stop() async {
        try? await server.channel.close()
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, number: Int,
                       respond: @Sendable (ReceivedRequest) async -> TestReply) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body = []
                case .body(let buffer):
                    body += buffer.readableBytesView
                case .end:
                    guard let head else { continue }
                    let chunked = head.headers["transfer-encoding"].contains { $0.lowercased().contains("chunked") }
                    let request = ReceivedRequest(head: head, body: body, connection: number, chunked: chunked)
                    log.withLock { $0.requests.append(request) }
                    let reply = await respond(request)
                    if let delay = reply.delay { try? await Task.sleep(for: delay) }
                    if reply.dropBeforeReply { return }
                    var headers = HTTPHeaders(reply.headers)
                    if !reply.chunked { headers.add(name: "content-length", value: String(reply.body.count)) }
                    if reply.close { headers.add(name: "connection", value: "close") }
                    try await outbound.write(.head(HTTPResponseHead(version: .http1_1,
                                                                    status: HTTPResponseStatus(statusCode: reply.status),
                                                                    headers: headers)))
                    if !reply.body.isEmpty {
                        // Several parts, so chunked replies really have several chunks.
                        for slice in reply.body.chunks(ofCount: 16 * 1024) {
                            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: slice))))
                        }
                    }
                    try await outbound.write(.end(nil))
                    if reply.close { return }
                }
            }
        }
    }
}

extension Array {
    func chunks(ofCount size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
