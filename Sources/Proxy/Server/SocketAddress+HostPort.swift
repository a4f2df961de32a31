import NIOCore

extension SocketAddress {
    /// `ip:port` (`[ip]:port` for IPv6), as Envoy logs addresses; NIO's description adds
    /// the family and host name (`[IPv4]127.0.0.1/127.0.0.1:80`).
    var hostPort: String {
        guard let ip = ipAddress, let port else { return description }
        return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }
}
