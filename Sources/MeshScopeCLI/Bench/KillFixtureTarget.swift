import Foundation
import Hummingbird
import Logging
import Synchronization

/// The scrape target of `bench kill`: `GET /metrics` answers `kill_fixture_total{series="N"}`
/// for `series` series, every value the number of scrapes answered so far (so each series'
/// stored values must strictly increase with its timestamps, across restarts of the collector).
final class KillFixtureTarget: Sendable {
    let port: Int
    let series: Int
    private let scrapes = Mutex<Int>(0)
    private let task = Mutex<Task<Void, any Error>?>(nil)

    init(series: Int) {
        port = ChildServer.freePort()
        self.series = series
    }

    var address: String { "127.0.0.1:\(port)" }

    func start() async throws {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            let value = self.scrapes.withLock { count -> Int in
                count += 1
                return count
            }
            var text = "# TYPE kill_fixture_total counter\n"
            for index in 0..<self.series { text += "kill_fixture_total{series=\"\(index)\"} \(value)\n" }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        var logger = Logger(label: "meshscope.bench.kill.target")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
        task.withLock { $0 = Task { try await app.run() } }
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if KillFixtureTarget.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CommandFailure("the fixture target did not start on \(address)")
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        } == 0
    }
}
