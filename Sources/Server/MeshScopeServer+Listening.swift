import Hummingbird
import Logging
import NIOCore

extension MeshScopeServer {
    /// What both listeners do once bound: log `listener=... address=host:port` with the
    /// port actually bound (port 0 picks one), then hand that port on.
    static func announce(_ listener: String, host: String, port: Int, security: ListenerSecurity, logger: Logger,
                         then onListening: @escaping @Sendable (Int) async -> Void) -> @Sendable (any Channel) async -> Void {
        { channel in
            let bound = channel.localAddress?.port ?? port
            logger.notice("listening", metadata: ["listener": "\(listener)", "address": "\(host):\(bound)",
                                                  "scheme": "\(security.tls == nil ? "http" : "https")"])
            await onListening(bound)
        }
    }
}
