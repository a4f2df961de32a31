import Config

/// The `--zipkin-listen` flag: `host:port` (port 0 for any free port) or `off`.
enum ZipkinListen: Equatable {
    /// Zipkin's own port, on loopback: an unchanged reporter finds it, the network does not.
    static let defaultAddress = "127.0.0.1:9411"

    case off
    case listen(HostPort)
    case invalid(String)

    init(_ text: String) {
        if text.lowercased() == "off" {
            self = .off
        } else if let address = HostPort(parsing: text, listening: true) {
            self = .listen(address)
        } else {
            self = .invalid("--zipkin-listen: \"\(text)\" is not a valid listen address: expected host:port, such as 127.0.0.1:9411, or off")
        }
    }
}
