import Foundation
import MeshCA
import MeshPolicy
import NIOHTTP1
import Proxy
import Synchronization
import Testing

/// Certificates with a lifetime of a few seconds are renewed at half of it on both
/// sidecars while requests flow through productpage's sidecar → reviews' sidecar (STRICT
/// mTLS, a new upstream connection every 10 requests so new handshakes meet new
/// certificates). Nothing may fail, and the inbound listener must be seen serving at
/// least three different certificates (two rotations or more).
@Suite struct CertificateRotationTests {
    struct Tally: Sendable {
        var sent = 0
        var failed = 0
        var failures: [String] = []
    }

    @Test(.timeLimit(.minutes(2))) func rotationUnderLoadDropsNothing() async throws {
        let ttl = Duration.seconds(4)
        let mesh = try TestMesh(ttl: ttl)
        let schedule = RotationSchedule(fraction: 0.5, minimumRetry: 0.1, maximumRetry: 1)
        let serverCerts = try await mesh.certificates("reviews", schedule: schedule)
        let clientCerts = try await mesh.certificates("productpage", schedule: schedule)
        let probeCerts = try await mesh.certificates("probe")
        let rotating = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await serverCerts.run() }
                group.addTask { try? await clientCerts.run() }
                group.addTask { try? await probeCerts.run() }
            }
        }
        defer { rotating.cancel() }
        let server = RecordingObserver()
        let tally = Locked(Tally())
        let serials = Locked<[String]>([])
        let loadDuration = Duration.seconds(10)
        try await MutualTLSTests.withMesh(
            mode: "STRICT", trafficPolicy: "tls: {mode: ISTIO_MUTUAL}\nconnectionPool: {http: {maxRequestsPerConnection: 10}}",
            mesh: mesh, serverCertificates: serverCerts, clientCertificates: clientCerts, serverObserver: server
        ) { outbound, inbound in
            let end = ContinuousClock.now + loadDuration
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<3 {
                    group.addTask {
                        var number = 0
                        while ContinuousClock.now < end {
                            number += 1
                            do {
                                // Alternate kept-alive batches and one-off connections.
                                if worker == 0 {
                                    let response = try await TestClient.send(port: outbound, .GET, "/r/\(number)", host: "reviews")
                                    record(response.status, tally)
                                } else {
                                    try await TestClient.withConnection(port: outbound) { client in
                                        for _ in 0..<20 where ContinuousClock.now < end {
                                            let response = try await client.send(.GET, "/k/\(worker)", host: "reviews")
                                            record(response.status, tally)
                                        }
                                    }
                                }
                            } catch {
                                tally.withLock {
                                    $0.failed += 1
                                    $0.failures.append("\(error)")
                                }
                            }
                        }
                    }
                }
                group.addTask {
                    while ContinuousClock.now < end {
                        if let material = probeCerts.current,
                           let facts = try? await TLSProbe.serverCertificate(port: inbound, material: material) {
                            serials.withLock { if $0.last != facts.serialHex { $0.append(facts.serialHex) } }
                        }
                        try? await Task.sleep(for: .milliseconds(250))
                    }
                }
            }
        }
        let result = tally.withLock { $0 }
        let seen = serials.withLock { $0 }
        print("rotation under load: \(result.sent) requests, \(result.failed) failed, server certificates seen: \(seen.count), rotations: server \(serverCerts.rotations), client \(clientCerts.rotations)")
        #expect(result.sent > 100)
        #expect(result.failed == 0, "failures: \(result.failures.prefix(5))")
        #expect(seen.count >= 3, "served serials: \(seen)")
        #expect(serverCerts.rotations >= 2 && clientCerts.rotations >= 2)
        // Every request the server sidecar saw came over verified mTLS.
        #expect(server.requests.count == result.sent)
        #expect(server.requests.allSatisfy { $0.downstreamMutualTLS && $0.downstreamPeerPrincipal == MutualTLSTests.productpage })
    }
}

/// A lock to share between tasks (Mutex itself cannot be captured by escaping closures).
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}

private func record(_ status: Int, _ tally: Locked<CertificateRotationTests.Tally>) {
    tally.withLock { tally in
        tally.sent += 1
        if status != 200 {
            tally.failed += 1
            tally.failures.append("status \(status)")
        }
    }
}
