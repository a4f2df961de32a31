import HummingbirdCore
import Logging
import NIOCore
import NIOSSL

/// HTTP/1.1 child channel for MeshScope's listeners: optionally TLS with the certificate
/// `TLSContextStore` holds *now* (each new connection reads it, so a reloaded certificate
/// applies without a restart), and the peer address published as `ClientAddress.current`.
struct ListenerChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let tls: TLSContextStore?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard let tls else { return base.setup(channel: channel, logger: logger) }
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls.current))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        // Requests of one connection are answered inside this call, so the task-local
        // reaches the router's middleware.
        await ClientAddress.$current.withValue(value.channel.remoteAddress?.ipAddress) {
            await base.handle(value: value, logger: logger)
        }
    }
}

extension ListenerChannel: HTTPChannelHandler {
    var responder: HTTPChannelHandler.Responder { base.responder }
}

extension HTTPServerBuilder {
    /// HTTP/1.1, with TLS when `tls` is given.
    static func meshScope(tls: TLSContextStore?) -> HTTPServerBuilder {
        .init { responder in
            ListenerChannel(base: HTTP1Channel(responder: responder), tls: tls)
        }
    }
}
