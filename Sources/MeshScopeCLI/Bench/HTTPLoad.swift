import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// HTTP load for `bench traces` and `bench logs`: pre-encoded bodies POSTed by concurrent
/// clients over keep-alive connections, and single-client GETs timed one by one.
final class HTTPLoad: Sendable {
    let client: HTTPClient
    let baseURL: String

    init(baseURL: String, connections: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, connections))
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.baseURL = baseURL
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// POSTs every body to `path` with `clients` concurrent senders (sender k sends bodies
    /// k, k+clients, ...), each waiting for its 202 before the next. Returns wall seconds.
    func post(_ bodies: [ByteBuffer], to path: String = "/api/v2/spans", contentType: String, clients: Int,
              progress: @escaping @Sendable (Int) -> Void) async throws -> Double {
        let sent = Counter()
        let clock = ContinuousClock()
        let url = baseURL + path
        let elapsed = try await clock.measure {
            // Progress reporter, polling the shared counter.
            let reporter = Task {
                while !Task.isCancelled {
                    progress(sent.value)
                    try? await Task.sleep(for: .milliseconds(250))
                }
            }
            defer { reporter.cancel() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for k in 0..<clients {
                    group.addTask {
                        var index = k
                        while index < bodies.count {
                            var request = HTTPClientRequest(url: url)
                            request.method = .POST
                            request.headers.add(name: "Content-Type", value: contentType)
                            request.body = .bytes(bodies[index])
                            let response = try await self.client.execute(request, timeout: .seconds(60))
                            let answer = try await response.body.collect(upTo: 1 << 20)
                            guard response.status.code == 202 else {
                                throw CommandFailure("POST \(path) answered \(response.status.code): "
                                    + String(buffer: answer).prefix(300))
                            }
                            sent.add(1)
                            index += clients
                        }
                    }
                }
                try await group.waitForAll()
            }
            reporter.cancel()
            await reporter.value
        }
        progress(bodies.count)
        return elapsed.seconds
    }

    /// GET `path`; returns the client-side latency in seconds and the body. Throws unless 200.
    func get(_ path: String) async throws -> (seconds: Double, body: ByteBuffer) {
        let request = HTTPClientRequest(url: baseURL + path)
        let clock = ContinuousClock()
        var body = ByteBuffer()
        var status: UInt = 0
        let elapsed = try await clock.measure {
            let response = try await client.execute(request, timeout: .seconds(60))
            status = response.status.code
            body = try await response.body.collect(upTo: 256 << 20)
        }
        guard status == 200 else {
            throw CommandFailure("GET \(path) answered \(status): \(String(buffer: body).prefix(300))")
        }
        return (elapsed.seconds, body)
    }

    final class Counter: Sendable {
        private let atomic = Atomic<Int>(0)
        var value: Int { atomic.load(ordering: .relaxed) }
        func add(_ n: Int) { atomic.add(n, ordering: .relaxed) }
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Percentiles of latencies (nearest rank).
struct LatencySummary {
    let sorted: [Double]

    init(_ samples: [Double]) { sorted = samples.sorted() }

    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var mean: Double { sorted.reduce(0, +) / Double(max(1, sorted.count)) }
}
