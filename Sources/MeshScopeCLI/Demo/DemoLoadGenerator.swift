import AsyncHTTPClient
import Foundation
import NIOCore

/// Open-loop load on the ingress gateway: `GET /productpage` at `rate` requests/s on
/// average with exponential gaps (Poisson arrivals, so requests overlap now and then as
/// real users' do, which is what trips the circuit breaker), at most `maxInFlight` at
/// once; a progress line every `reportEvery`.
struct DemoLoadGenerator: Sendable {
    static let maxInFlight = 64

    let url: String
    let rate: Double
    let reportEvery: Duration
    let stats = DemoLoadStats()

    /// Runs until cancelled.
    func run() async {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(2), read: .seconds(15))
        configuration.connectionPool = .init(idleTimeout: .seconds(30),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: Self.maxInFlight)
        configuration.decompression = .disabled
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let started = ContinuousClock.now
        await withDiscardingTaskGroup { group in
            group.addTask {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: reportEvery) } catch { break }
                    DemoConsole.line(DemoLoadStats.line(stats.take(), elapsed: ContinuousClock.now - started))
                }
            }
            var next = ContinuousClock.now
            while !Task.isCancelled {
                // Exponential gap with mean 1/rate; 1 - U keeps the logarithm finite.
                next += .seconds(-log(1 - Double.random(in: 0..<1)) / rate)
                do { try await Task.sleep(until: next) } catch { break }
                guard stats.begin(limit: Self.maxInFlight) else { continue }
                group.addTask {
                    await send(client)
                    stats.end()
                }
            }
            group.cancelAll()
        }
        try? await client.shutdown()
    }

    private func send(_ client: HTTPClient) async {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: "meshscope-demo-load")
        let clock = ContinuousClock()
        let began = clock.now
        do {
            let response = try await client.execute(request, timeout: .seconds(15))
            _ = try await response.body.collect(upTo: 1 << 20)
            stats.answered(status: Int(response.status.code), millis: (clock.now - began).seconds * 1000)
        } catch {
            stats.failed()
        }
    }
}
