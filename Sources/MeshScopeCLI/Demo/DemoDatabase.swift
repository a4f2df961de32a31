import Logging
import NIOCore
import NIOPosix
import UnixSignals

/// The demo's "database": a line protocol over TCP, so that ratings v2's calls cross its
/// sidecar's TCP pass-through listener (and show up as `istio_tcp_*` metrics). A client
/// connects, sends `GET KEY\n`, reads one JSON line and the server closes.
enum DemoDatabase {
    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Serves until SIGTERM or SIGINT.
    static func serve(host: String, port: Int, logger: Logger) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try Connection(wrappingChannelSynchronously: channel) }
            }
        logger.notice("demo service listening", metadata: [
            "app": "mongodb", "protocol": "tcp", "address": "\(host):\(server.channel.localAddress?.port ?? port)",
        ])
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await server.executeThenClose { connections in
                    try await withThrowingDiscardingTaskGroup { handlers in
                        for try await connection in connections {
                            handlers.addTask { await answer(connection) }
                        }
                    }
                }
            }
            group.addTask {
                for await _ in signals { break }
            }
            _ = await group.next()
            group.cancelAll()
            try? await server.channel.close()
        }
        logger.notice("demo service stopped", metadata: ["app": "mongodb"])
    }

    private static func answer(_ connection: Connection) async {
        try? await connection.executeThenClose { inbound, outbound in
            var line = ""
            for try await buffer in inbound {
                line += String(buffer: buffer)
                if line.contains("\n") || line.utf8.count > 4096 { break }
            }
            let key = line.split(separator: "\n").first.map { String($0.dropFirst(4)) } ?? ""
            // Bookinfo's ratings collection: every book rated 5 and 4.
            let reply = #"{"key":"\#(key.filter { $0.isLetter || $0.isNumber || $0 == "/" })","ratings":{"Reviewer1":5,"Reviewer2":4}}"#
            try await outbound.write(ByteBuffer(string: reply + "\n"))
        }
    }

    /// One query on a fresh connection (each shows as one TCP connection in the
    /// sidecar's metrics); fails after 2 s.
    static func query(host: String, port: Int, key: String) async throws -> String {
        try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                let connection = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(.seconds(2))
                    .connect(host: host, port: port) { channel in
                        channel.eventLoop.makeCompletedFuture { try Connection(wrappingChannelSynchronously: channel) }
                    }
                return try await connection.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(string: "GET \(key)\n"))
                    var reply = ""
                    for try await buffer in inbound {
                        reply += String(buffer: buffer)
                        if reply.contains("\n") { break }
                    }
                    guard let line = reply.split(separator: "\n").first, line.hasPrefix("{") else {
                        throw CommandFailure("database closed the connection without an answer")
                    }
                    return String(line)
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(2))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else {
                throw CommandFailure("database did not answer within 2 s")
            }
            return answer
        }
    }
}
