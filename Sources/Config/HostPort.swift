/// A `host:port` pair as written in targets and listen addresses: a DNS name or
/// IPv4 address, or an IPv6 address in brackets (`[::1]:9100`, `[fe80::1%eth0]:80`).
public struct HostPort: Sendable, Hashable, CustomStringConvertible {
    /// Without brackets; empty for a listen address such as `:9098` (all interfaces).
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`. `listening` also accepts what only makes sense for a
    /// listen address: an empty host (every interface) and port 0 (any free port).
    public init?(parsing text: String, listening: Bool = false) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":"), Self.isIPv6(host) else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.isEmpty {
                guard listening else { return nil }
            } else if !Self.isHostName(host) {
                return nil
            }
        }
        guard (1...5).contains(portText.utf8.count),
              portText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let port = Int(portText), port <= 65535, port > 0 || listening
        else { return nil }
        self.init(host: String(host), port: port)
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Letters, digits, `-`, `_` and dots between non-empty labels: DNS names
    /// (underscores appear in real ones, e.g. Docker service names) and IPv4. No
    /// colons: a bare IPv6 address would be ambiguous about where the port starts.
    private static func isHostName(_ host: Substring) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.allSatisfy { byte in
                (0x61...0x7a).contains(byte) || (0x41...0x5a).contains(byte)
                    || (0x30...0x39).contains(byte) || byte == 0x2d || byte == 0x5f
            }
        }
    }

    /// Hex groups, colons and an embedded IPv4 tail, plus an optional `%zone`.
    private static func isIPv6(_ host: Substring) -> Bool {
        let parts = host.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
        let address = parts[0]
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f && $0 != 0x5d })
            else { return false }
        }
        guard address.contains(":"), address.utf8.count <= 45 else { return false }
        return address.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
                || byte == 0x3a || byte == 0x2e
        }
    }
}
