import Foundation
import Storage
import Testing
import Traces

/// 2023-11-14T22:13:20Z in ms; span times are µs.
let traceBaseMillis: Int64 = 1_700_000_000_000
let traceMinute: Int64 = 60_000

func micros(_ millis: Int64) -> Int64 { millis * 1000 }

/// A span with the fields the trace tests vary; services are endpoints with a service name.
func span(_ traceId: String, _ id: String, parent: String? = nil, kind: SpanKind? = nil,
          service: String? = nil, remote: String? = nil, name: String? = nil,
          ts: Int64? = nil, duration: Int64? = nil, tags: [String: String] = [:],
          annotations: [Annotation] = [], shared: Bool = false) throws -> Span {
    try Span(traceId: traceId, id: id, parentId: parent, kind: kind, name: name, timestamp: ts, duration: duration,
             localEndpoint: service.map { try Endpoint(serviceName: $0) },
             remoteEndpoint: remote.map { try Endpoint(serviceName: $0) },
             annotations: annotations, tags: tags, shared: shared)
}

/// frontend → backend (shared span id 2) → mysql (error) and → kafka → worker, with
/// addresses, annotations, tags, debug and a 128-bit id: every field of a span is used.
func multiServiceTrace(_ traceId: String = "463ac35c9f6413ad48485a3953bb6124", at millis: Int64 = traceBaseMillis) throws -> [Span] {
    let t = micros(millis)
    return [
        try Span(traceId: traceId, id: "1", kind: .server, name: "GET /", timestamp: t, duration: 1000,
                 localEndpoint: try Endpoint(serviceName: "Frontend", ipv4: "10.0.0.1", port: 8080),
                 remoteEndpoint: try Endpoint(ipv6: "2001:db8::c001", port: 51000),
                 annotations: [Annotation(timestamp: t + 1, value: "wr")], tags: ["http.method": "GET", "http.path": "/"],
                 debug: true),
        try Span(traceId: traceId, id: "2", parentId: "1", kind: .client, name: "get /api", timestamp: t + 100, duration: 800,
                 localEndpoint: try Endpoint(serviceName: "frontend", ipv4: "10.0.0.1"),
                 remoteEndpoint: try Endpoint(serviceName: "backend", ipv4: "10.0.0.2", port: 9000),
                 annotations: [Annotation(timestamp: t + 101, value: "ws"), Annotation(timestamp: t + 899, value: "wr")]),
        // Same local endpoint as its children 3 and 4, so they hang under this half (SpanTree).
        try Span(traceId: traceId, id: "2", parentId: "1", kind: .server, name: "get /api", timestamp: t + 150, duration: 700,
                 localEndpoint: try Endpoint(serviceName: "backend"),
                 remoteEndpoint: try Endpoint(ipv4: "10.0.0.1"), tags: ["http.path": "/api", "unicode": "é\u{2028}\"q\""],
                 shared: true),
        try span(traceId, "3", parent: "2", kind: .client, service: "backend", remote: "mysql", name: "query",
                 ts: t + 200, duration: 300, tags: ["error": "timeout", "sql.query": "SELECT 1"]),
        try span(traceId, "4", parent: "2", kind: .producer, service: "backend", remote: "kafka", name: "send",
                 ts: t + 500, duration: 10),
        try span(traceId, "5", parent: "4", kind: .consumer, service: "worker", remote: "kafka", name: "receive",
                 ts: t + 600, duration: 20),
    ]
}

/// Opens a store, runs `body` and closes it.
func withTraceStore<T>(_ directory: String, options: TraceStoreOptions = .init(),
                       _ body: (TraceStore) async throws -> T) async throws -> T {
    let store = try TraceStore(directory: directory, options: options)
    let result = try await body(store)
    try await store.close()
    return result
}

func expectTraceStoreIntact(_ store: TraceStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try store.reader.integrityCheck() == "ok", sourceLocation: sourceLocation)
}

/// The trace ids of a search answer, in order.
func traceIDs(_ traces: [[Span]]) -> [String] { traces.map { $0.first?.traceId ?? "" } }
