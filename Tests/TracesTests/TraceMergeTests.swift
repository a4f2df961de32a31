import Testing
@testable import Traces

@Suite struct TraceMergeTests {
    static let frontend = try! Endpoint(serviceName: "frontend", ipv4: "10.0.0.1")
    static let backend = try! Endpoint(serviceName: "backend", ipv4: "10.0.0.2")

    @Test func clientAndServerHalvesStaySeparateAndGetShared() throws {
        let client = try Span(traceId: "a", id: "2", parentId: "1", kind: .client, name: "get",
                              timestamp: 10, duration: 100, localEndpoint: Self.frontend, remoteEndpoint: Self.backend)
        // The server forgot both the shared flag and the parent id.
        let server = try Span(traceId: "a", id: "2", kind: .server, name: "get",
                              timestamp: 20, duration: 80, localEndpoint: Self.backend)
        let merged = Trace.merge([server, client])
        #expect(merged.count == 2)
        #expect(merged[0] == client)
        #expect(merged[1].shared)
        #expect(merged[1].parentId == "0000000000000001")
        #expect(merged[1].kind == .server)
    }

    @Test func piecesOfOneSpanMerge() throws {
        let start = try Span(traceId: "a", id: "2", parentId: "1", kind: .client, name: "get", timestamp: 10,
                             localEndpoint: try Endpoint(serviceName: "frontend"),
                             annotations: [Annotation(timestamp: 10, value: "ws")], tags: ["a": "1"])
        let finish = try Span(traceId: "a", id: "2", duration: 100, localEndpoint: Self.frontend,
                              annotations: [Annotation(timestamp: 10, value: "ws"), Annotation(timestamp: 90, value: "wr")],
                              tags: ["a": "2", "b": "3"])
        let merged = Trace.merge([finish, start])
        #expect(merged.count == 1)
        let s = try #require(merged.first)
        #expect(s.timestamp == 10 && s.duration == 100 && s.kind == .client && s.name == "get")
        #expect(s.localEndpoint == Self.frontend)
        #expect(s.annotations == [Annotation(timestamp: 10, value: "ws"), Annotation(timestamp: 90, value: "wr")])
        #expect(s.tags.count == 2 && s.tags["b"] == "3")
    }

    @Test func differentEndpointsDoNotMergeAnd128BitWins() throws {
        let a = try Span(traceId: "48485a3953bb6124", id: "2", localEndpoint: Self.frontend)
        let b = try Span(traceId: "463ac35c9f6413ad48485a3953bb6124", id: "2", localEndpoint: Self.backend)
        let c = try Span(traceId: "48485a3953bb6124", id: "1")
        let merged = Trace.merge([a, b, c])
        #expect(merged.count == 3)
        #expect(merged.allSatisfy { $0.traceId == "463ac35c9f6413ad48485a3953bb6124" })
        #expect(merged.map(\.id) == ["0000000000000001", "0000000000000002", "0000000000000002"])
        // Endpoint order: by service name, so backend before frontend.
        #expect(merged[1].localEndpoint == Self.backend)
        #expect(Trace.merge([a]) == [a])
        #expect(Trace.merge([]).isEmpty)
    }
}
