#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A port on 127.0.0.1 that refuses every connection for as long as this value lives: a
/// socket bound to it that never listens. Unlike a listener started and stopped again, no
/// other server can be given the port meanwhile, so a connection to it is certain to fail.
public final class RefusingPort: Sendable {
    public let port: Int
    private let descriptor: Int32

    public init() throws {
        (descriptor, port) = try LoopbackPort.bound()
    }

    deinit { close(descriptor) }
}
