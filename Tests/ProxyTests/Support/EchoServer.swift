import NIOCore
import NIOPosix

/// A TCP server that echoes bytes until the client half-closes, then closes.
struct EchoServer: Sendable {
    let server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    var port: Int { server.channel.localAddress?.port ?? 0 }

    static func start() async throws -> EchoServer {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        Task {
            await withDiscardingTaskGroup { group in
                try? await server.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask {
                            try? await connection.executeThenClose { input, output in
                                for try await buffer in input { try await output.write(buffer) }
                            }
                        }
                    }
                }
            }
        }
        return EchoServer(server: server)
    }

    /// Sends `bytes`, half-closes, and reads until the server closes.
    static func roundTrip(port: Int, _ bytes: [UInt8]) async throws -> [UInt8] {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel,
                                                                configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
        return try await channel.executeThenClose { input, output in
            try await output.write(ByteBuffer(bytes: bytes))
            output.finish()
            var received: [UInt8] = []
            for try await buffer in input { received += buffer.readableBytesView }
            return received
        }
    }
}
