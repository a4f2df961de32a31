#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TCP ports on 127.0.0.1 for child processes and tests, chosen by the kernel.
public enum LoopbackPort {
    public enum Failure: Error, CustomStringConvertible {
        case system(String)
        public var description: String { "loopback port: \(self)" }
    }

    /// A port that was free a moment ago (bound, read, released), for programs that cannot
    /// report the port they bound. Another process may take it before it is used.
    public static func free() throws -> Int {
        let socket = try RefusingPort()
        return socket.port
    }

    /// Binds a socket to 127.0.0.1 on a kernel-chosen port and returns it with that port.
    static func bound() throws -> (descriptor: Int32, port: Int) {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure.system("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            let code = errno
            close(descriptor)
            throw Failure.system("bind()/getsockname() on 127.0.0.1 failed: errno \(code)")
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}
