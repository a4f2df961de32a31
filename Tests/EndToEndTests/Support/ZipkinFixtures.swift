import Foundation
import Traces

/// Spans for the Zipkin tests, timed a few minutes before now so that the query API's
/// defaults (endTs = now, lookback = 1 day) find them.
enum ZipkinFixtures {
    static var nowMicros: Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000) }

    /// frontend → backend (client and server halves sharing span id 2) → mysql (an error,
    /// no server side) and backend → kafka → worker (producer and consumer). Every span
    /// field is used: kinds, both endpoints with IPv4/IPv6 and ports, annotations, tags,
    /// debug, shared. Dependencies: frontend→backend, backend→mysql (1 error),
    /// backend→kafka, kafka→worker, one call each.
    static func topology(_ traceId: String, at start: Int64, name: String = "get /checkout",
                         rootDuration: Int64 = 150_000, user: String = "alice") throws -> [Span] {
        let frontend = try Endpoint(serviceName: "frontend", ipv4: "10.0.0.1", port: 8080)
        let backend = try Endpoint(serviceName: "backend", ipv6: "2001:db8::b", port: 9000)
        let worker = try Endpoint(serviceName: "worker", ipv4: "10.0.0.3")
        let root = String(traceId.suffix(16))
        func id(_ n: Int) -> String { String(format: "%016llx", UInt64(n) &* 0x9e37_79b9_7f4a_7c15) }
        return [
            try Span(traceId: traceId, id: root, kind: .server, name: name, timestamp: start, duration: rootDuration,
                     localEndpoint: frontend, remoteEndpoint: try Endpoint(ipv4: "192.168.1.20", port: 51000),
                     annotations: [Annotation(timestamp: start + 10, value: "wr"), Annotation(timestamp: start + 90, value: "ws")],
                     tags: ["http.method": "GET", "http.path": "/checkout", "user": user], debug: true),
            try Span(traceId: traceId, id: id(2), parentId: root, kind: .client, name: "post /reserve",
                     timestamp: start + 1_000, duration: 100_000, localEndpoint: frontend,
                     remoteEndpoint: try Endpoint(serviceName: "backend"), tags: ["http.method": "POST"]),
            try Span(traceId: traceId, id: id(2), parentId: root, kind: .server, name: "post /reserve",
                     timestamp: start + 2_000, duration: 98_000, localEndpoint: backend,
                     annotations: [Annotation(timestamp: start + 2_500, value: "cache.miss")],
                     tags: ["http.method": "POST", "http.status_code": "200"], shared: true),
            try Span(traceId: traceId, id: id(3), parentId: id(2), kind: .client, name: "select stock",
                     timestamp: start + 3_000, duration: 40_000, localEndpoint: backend,
                     remoteEndpoint: try Endpoint(serviceName: "mysql", ipv4: "10.0.0.9", port: 3306),
                     tags: ["error": "deadlock", "sql.query": "SELECT \"stock\"\n FROM t"]),
            try Span(traceId: traceId, id: id(4), parentId: id(2), kind: .producer, name: "send order",
                     timestamp: start + 50_000, duration: 1_000, localEndpoint: backend,
                     remoteEndpoint: try Endpoint(serviceName: "kafka")),
            try Span(traceId: traceId, id: id(5), parentId: id(4), kind: .consumer, name: "receive order",
                     timestamp: start + 60_000, duration: 2_000, localEndpoint: worker,
                     remoteEndpoint: try Endpoint(serviceName: "kafka"), tags: ["queue": "orders, é ü"]),
        ]
    }

    /// One local span of `service`, for search tests.
    static func single(_ traceId: String, service: String, name: String, at start: Int64, duration: Int64,
                       remote: String? = nil, tags: [String: String] = [:]) throws -> [Span] {
        [try Span(traceId: traceId, id: String(traceId.suffix(16)), kind: remote == nil ? nil : .client, name: name,
                  timestamp: start, duration: duration, localEndpoint: try Endpoint(serviceName: service),
                  remoteEndpoint: try remote.map { try Endpoint(serviceName: $0) }, tags: tags)]
    }

    /// The trace as `/api/v2/trace/{id}` must answer it: Zipkin merges the pieces it stored.
    static func expected(_ posted: [Span]) -> Set<Span> { Set(Trace.merge(posted)) }

    static func hex(_ n: UInt64, bits: Int = 64) -> String {
        let low = String(format: "%016llx", n)
        return bits == 128 ? String(format: "%016llx", n &* 31 | 1 << 63) + low : low
    }
}
