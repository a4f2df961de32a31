import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server socket whose connections are served one task each.
typealias HTTPServerConnection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

enum HTTPListener {
    static func bind(host: String, port: Int,
                     group: any EventLoopGroup) async throws -> NIOAsyncChannel<HTTPServerConnection, Never> {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try HTTPServerConnection(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// Accepts until the server channel closes, each connection in its own child task;
    /// returns when the last connection is done.
    static func serve(_ server: NIOAsyncChannel<HTTPServerConnection, Never>,
                      connection handle: @escaping @Sendable (HTTPServerConnection) async -> Void) async {
        await withDiscardingTaskGroup { group in
            try? await server.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await handle(connection) }
                }
            }
        }
    }
}
