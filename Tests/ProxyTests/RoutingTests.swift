import MeshPolicy
import NIOHTTP1
import Proxy
import Testing

@Suite struct RoutingTests {
    @Test func headerAndPathMatchesPickTheirSubset() async throws {
        let v1 = try await TestUpstream(reply: .text("v1"))
        let v2 = try await TestUpstream(reply: .text("v2"))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(v1.address, "v1"), (v2.address, "v2")])]),
            destinationRuleYAML(host: "reviews"),
            virtualServiceYAML(host: "reviews", http: """
            - match: [{headers: {end-user: {exact: jason}}}]
              route: [{destination: {host: reviews, subset: v2}}]
            - match: [{uri: {prefix: /api/v2}}]
              rewrite: {uri: /v2}
              route: [{destination: {host: reviews, subset: v2}}]
            - route: [{destination: {host: reviews, subset: v1}}]
            """))
        try await withProxy(config) { _, ports in
            let port = try #require(ports.outbound)
            try await TestClient.withConnection(port: port) { client in
                let jason = try await client.send(.GET, "/", host: "reviews", headers: [("end-user", "jason")])
                let other = try await client.send(.GET, "/", host: "reviews", headers: [("end-user", "other")])
                let prefixed = try await client.send(.GET, "/api/v2/x?q=1", host: "reviews")
                let plain = try await client.send(.GET, "/", host: "reviews")
                #expect([jason, other, prefixed, plain].map(\.text) == ["v2", "v1", "v2", "v1"])
            }
        }
        #expect(v2.requests.map(\.head.uri) == ["/", "/v2/x?q=1"])
        await v1.stop()
        await v2.stop()
    }

    @Test func weightsHoldWithinTolerance() async throws {
        let v1 = try await TestUpstream(reply: .text("v1"))
        let v2 = try await TestUpstream(reply: .text("v2"))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(v1.address, "v1"), (v2.address, "v2")])]),
            destinationRuleYAML(host: "reviews"),
            virtualServiceYAML(host: "reviews", http: """
            - route:
              - {destination: {host: reviews, subset: v1}, weight: 75}
              - {destination: {host: reviews, subset: v2}, weight: 25}
            """))
        let total = 400
        try await withProxy(config) { _, ports in
            try await TestClient.withConnection(port: try #require(ports.outbound)) { client in
                for _ in 0..<total { _ = try await client.send(.GET, "/", host: "reviews") }
            }
        }
        // 25% of 400 is 100, standard deviation about 8.7: ±35 is four of them.
        #expect(v1.requestCount + v2.requestCount == total)
        #expect((65...135).contains(v2.requestCount), "v2 got \(v2.requestCount) of \(total)")
        await v1.stop()
        await v2.stop()
    }

    @Test func redirectAnswersWithLocation() async throws {
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [("127.0.0.1:1", "v1")])]),
            virtualServiceYAML(host: "reviews", http: """
            - redirect: {uri: /new, authority: other.example.com, redirectCode: 302}
            """))
        try await withProxy(config) { _, ports in
            let response = try await TestClient.send(port: try #require(ports.outbound), .GET, "/old?a=1", host: "reviews")
            #expect(response.status == 302)
            #expect(response.header("location") == "http://other.example.com/new?a=1")
        }
    }
}
