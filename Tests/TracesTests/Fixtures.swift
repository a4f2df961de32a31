import Testing
@testable import Traces

/// Shared spans and helpers for the Traces tests.
enum Fixtures {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

    /// A typical span as a sidecar reports it: server kind, both endpoints, two
    /// annotations, ten tags.
    static let typicalJSON = """
    {"traceId":"86154a4ba6e91385","parentId":"86154a4ba6e91385","id":"4d1e00c0db9010db",\
    "kind":"CLIENT","name":"get /api","timestamp":1472470996199000,"duration":207000,\
    "localEndpoint":{"serviceName":"frontend","ipv4":"127.0.0.1","port":8080},\
    "remoteEndpoint":{"serviceName":"backend","ipv4":"192.168.99.101","port":9000},\
    "annotations":[{"timestamp":1472470996238000,"value":"ws"},{"timestamp":1472470996403000,"value":"wr"}],\
    "tags":{"clnt/finagle.version":"6.45.0","component":"proxy","http.method":"GET","http.path":"/api",\
    "http.status_code":"200","http.url":"http://backend:9000/api","node_id":"sidecar~10.0.0.1~frontend",\
    "peer.address":"192.168.99.101:9000","request_size":"0","response_size":"1234"}}
    """

    static func typical(index: Int = 0) -> Span {
        let hex = String(index + 1, radix: 16)
        return try! Span(
            traceId: "86154a4ba6e91385", id: String(repeating: "0", count: 16 - hex.count) + hex,
            parentId: "86154a4ba6e91385", kind: .client, name: "get /api",
            timestamp: 1_472_470_996_199_000, duration: 207_000,
            localEndpoint: try! Endpoint(serviceName: "frontend", ipv4: "127.0.0.1", port: 8080),
            remoteEndpoint: try! Endpoint(serviceName: "backend", ipv4: "192.168.99.101", port: 9000),
            annotations: [Annotation(timestamp: 1_472_470_996_238_000, value: "ws"),
                          Annotation(timestamp: 1_472_470_996_403_000, value: "wr")],
            tags: ["clnt/finagle.version": "6.45.0", "component": "proxy", "http.method": "GET",
                   "http.path": "/api", "http.status_code": "200", "http.url": "http://backend:9000/api",
                   "node_id": "sidecar~10.0.0.1~frontend", "peer.address": "192.168.99.101:9000",
                   "request_size": "0", "response_size": "1234"])
    }

    /// Deterministic pseudo-random numbers (SplitMix64) so fuzz failures reproduce.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Flips, inserts, deletes and duplicates bytes.
    static func mutate(_ input: [UInt8], _ rng: inout Random, interesting: [UInt8]) -> [UInt8] {
        var b = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !b.isEmpty else { b.append(UInt8.random(in: 0...255, using: &rng)); continue }
            let at = Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: b[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: b[at] = interesting.randomElement(using: &rng)!
            case 2: b.remove(at: at)
            case 3: b.insert(interesting.randomElement(using: &rng)!, at: at)
            case 4: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...16, using: &rng)))
            default:
                let end = min(b.count, at + Int.random(in: 1...32, using: &rng))
                b.insert(contentsOf: b[at..<end], at: Int.random(in: 0...b.count, using: &rng))
            }
        }
        return b
    }
}
