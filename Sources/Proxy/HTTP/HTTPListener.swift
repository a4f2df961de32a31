import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server socket whose connections are served one task each.
typealias HTTPServerConnection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

enum HTTPListener {
    static func bind(host: String, port: Int,
                     group: any EventLoopGroup) async throws -> NIOAsyncChannel<HTTPServerConnection, Never> {
        try await bootstrap(group)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try HTTPServerConnection(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// The proxy's listeners: each connection served by the handler `makeHandler`
    /// returns, on its event loop.
    static func bind(host: String, port: Int, group: any EventLoopGroup,
                     makeHandler: @escaping @Sendable () -> ProxyConnectionHandler)
        async throws -> NIOAsyncChannel<any Channel, Never> {
        try await bootstrap(group)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(makeHandler())
                    return channel
                }
            }
    }

    static func bootstrap(_ group: any EventLoopGroup) -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
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

    /// Accepts until the server channel closes; returns when the last connection closed.
    static func serve(_ server: NIOAsyncChannel<any Channel, Never>) async {
        await withDiscardingTaskGroup { group in
            try? await server.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { try? await connection.closeFuture.get() }
                }
            }
        }
    }
}
