import Foundation

/// The datasets the HTTP tests run on, each in a fresh data directory with its own server.
enum Datasets {
    static let otherTrace = "00000000000000b1"

    /// Bookinfo-like: metrics for three services (imported), two traces and five
    /// access-log records, three of them joined to the Bookinfo trace.
    static func withPopulated(_ body: (WebTestServer) async throws -> Void) async throws {
        try await withTemporaryDirectory("populated") { dir in
            // Series end a minute past now (as `GraphDatasets.nowMillis`): rate windows stay
            // covered however late a loaded machine gets to the page.
            let nowMillis = GraphDatasets.nowMillis
            try WebFixtures.importMetrics(WebFixtures.istioMetrics(nowMillis: nowMillis, services: [
                ("productpage", 2, 1, 0), ("reviews", 1, 0, 0.1), ("ratings", 1, 0, 0),
            ], fromOutside: [("frontend", 0.9)]), into: dir)
            try await withServer(dataDir: dir) { server in
                let now = WebFixtures.nowMicros
                try await server.postSpans(SpanBody.json(try WebFixtures.bookinfoTrace(at: now - 60_000_000)))
                try await server.postSpans(SpanBody.json([try WebFixtures.single(otherTrace, service: "details",
                                                                                   name: "GET /health", at: now - 30_000_000)]))
                try await server.postLogs([
                    WebFixtures.logLine(at: now - 59_990_000, code: 200, traceId: WebFixtures.traceId, requestId: "req-a"),
                    WebFixtures.logLine(at: now - 59_980_000, code: 503, flags: "UO", path: "/ratings/1",
                                        traceId: WebFixtures.traceId, requestId: "req-b",
                                        cluster: "outbound|9080|v1|ratings.default.svc.cluster.local"),
                    WebFixtures.logLine(at: now - 59_970_000, code: 200, path: "/joined-by-request-id",
                                        requestId: WebFixtures.requestId),
                    WebFixtures.logLine(at: now - 20_000_000, code: 404, path: "/missing", requestId: "req-c",
                                        userAgent: "Mozilla/5.0 test-agent"),
                    WebFixtures.logLine(at: now - 10_000_000, code: 200, path: "/details/1", requestId: "req-d",
                                        cluster: "outbound|9080|v1|details.default.svc.cluster.local"),
                ])
                try await body(server)
            }
        }
    }

    /// An empty data directory.
    static func withEmpty(_ body: (WebTestServer) async throws -> Void) async throws {
        try await withTemporaryDirectory("empty") { dir in
            try await withServer(dataDir: dir, body)
        }
    }

    /// A server on `dataDir` for the duration of `body`, stopped whether it throws or not.
    static func withServer(dataDir: String, _ body: (WebTestServer) async throws -> Void) async throws {
        let server = try await WebTestServer.start(dataDir: dataDir)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
