import MeshPolicy
import NIOHTTP1
import Proxy
import Testing

@Suite struct FaultAndMirrorTests {
    @Test func abortPercentageHolds() async throws {
        let upstream = try await TestUpstream(reply: .text("ok"))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]),
            virtualServiceYAML(host: "reviews", http: """
            - route: [{destination: {host: reviews}}]
              fault: {abort: {httpStatus: 418, percentage: {value: 50}}}
            """))
        let observer = RecordingObserver()
        let total = 200
        try await withProxy(config, observer: observer) { _, ports in
            try await TestClient.withConnection(port: try #require(ports.outbound)) { client in
                for _ in 0..<total { _ = try await client.send(.GET, "/", host: "reviews") }
            }
        }
        let aborted = observer.requests.filter { $0.responseCode == 418 }
        // 100 expected, standard deviation about 7.
        #expect((70...130).contains(aborted.count), "aborted \(aborted.count) of \(total)")
        #expect(aborted.allSatisfy { $0.responseFlags == [.faultInjected] })
        #expect(upstream.requestCount == total - aborted.count)
        await upstream.stop()
    }

    @Test func delayIsInjected() async throws {
        let upstream = try await TestUpstream(reply: .text("ok"))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]),
            virtualServiceYAML(host: "reviews", http: """
            - route: [{destination: {host: reviews}}]
              fault: {delay: {fixedDelay: 200ms, percentage: {value: 100}}}
            """))
        let observer = RecordingObserver()
        try await withProxy(config, observer: observer) { _, ports in
            let began = ContinuousClock.now
            let response = try await TestClient.send(port: try #require(ports.outbound), .GET, "/", host: "reviews")
            #expect(response.status == 200)
            #expect(began.duration(to: .now) >= .milliseconds(200))
        }
        #expect(observer.requests.first?.responseFlags == [.delayInjected])
        await upstream.stop()
    }

    @Test func mirrorGetsCopiesAndItsFailuresStayAway() async throws {
        let primary = try await TestUpstream(reply: .text("primary"))
        // The mirror answers 6 s late; a caller answered within 4 s did not wait for it,
        // even on a machine loaded by the rest of the suite.
        let shadow = try await TestUpstream(reply: TestReply(status: 500, body: Array("shadow".utf8),
                                                             delay: .seconds(6)))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(primary.address, "v1")]), ("ratings", [(shadow.address, "v1")]),
                                       ("broken", [("127.0.0.1:1", "v1")])]),
            virtualServiceYAML(host: "reviews", http: """
            - route: [{destination: {host: reviews}}]
              mirrors:
                - destination: {host: ratings}
                - destination: {host: broken}
            """))
        try await withProxy(config) { _, ports in
            try await TestClient.withConnection(port: try #require(ports.outbound)) { client in
                for index in 0..<3 {
                    let began = ContinuousClock.now
                    let response = try await client.send(.POST, "/m/\(index)", host: "reviews:9080",
                                                         body: Array("copy \(index)".utf8))
                    #expect(response.status == 200)
                    #expect(response.text == "primary")
                    #expect(began.duration(to: .now) < .seconds(4), "the mirror's delay never reaches the caller")
                }
            }
            #expect(await eventually(timeout: .seconds(10)) { shadow.requestCount == 3 })
        }
        let copies = shadow.requests.sorted { $0.head.uri < $1.head.uri }
        #expect(copies.map(\.head.uri) == ["/m/0", "/m/1", "/m/2"])
        #expect(copies.allSatisfy { $0.header("host") == "reviews-shadow:9080" })
        #expect(copies.map(\.bodyText) == ["copy 0", "copy 1", "copy 2"])
        await primary.stop()
        await shadow.stop()
    }
}
