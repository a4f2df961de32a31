import Config
import Testing

@Suite struct HostPortTests {
    static let targets: [(String, String, Int)] = [
        ("localhost:9100", "localhost", 9100),
        ("127.0.0.1:9098", "127.0.0.1", 9098),
        ("node-1.example.internal:1", "node-1.example.internal", 1),
        ("my_service:65535", "my_service", 65535),
        ("[::1]:9100", "::1", 9100),
        ("[fd00::12]:80", "fd00::12", 80),
        ("[fe80::1%eth0]:9100", "fe80::1%eth0", 9100),
        ("[::ffff:10.0.0.1]:443", "::ffff:10.0.0.1", 443),
    ]

    @Test(arguments: targets)
    func parsesTargets(text: String, host: String, port: Int) throws {
        let parsed = try #require(HostPort(parsing: text))
        #expect(parsed == HostPort(host: host, port: port))
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        "localhost", "localhost:", ":9100", "host:0", "host:65536", "host:123456", "host:-1", "host:+80",
        "host:http", "::1:9100", "[::1]", "[::1]9100", "[::1:9100", "[zz::1]:80", "[127.0.0.1]:80",
        "a..b:80", ".a:80", "a b:80", "http://a:80", "a/b:80", "[fe80::1%]:80", "",
    ])
    func rejectsInvalidTargets(text: String) {
        #expect(HostPort(parsing: text) == nil)
    }

    @Test func listenAddressesMayOmitTheHostAndUsePortZero() {
        #expect(HostPort(parsing: ":9098", listening: true) == HostPort(host: "", port: 9098))
        #expect(HostPort(parsing: "127.0.0.1:0", listening: true) == HostPort(host: "127.0.0.1", port: 0))
        #expect(HostPort(parsing: "[::]:9098", listening: true) == HostPort(host: "::", port: 9098))
        #expect(HostPort(parsing: "localhost", listening: true) == nil)
        #expect(HostPort(parsing: ":9098") == nil)
        #expect(ServerConfig(listen: ":9098").listenAddress == HostPort(host: "", port: 9098))
        #expect(ServerConfig(listen: "nope").listenAddress == nil)
    }
}
