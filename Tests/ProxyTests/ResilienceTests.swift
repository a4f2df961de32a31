import MeshPolicy
import NIOHTTP1
import Proxy
import Testing

@Suite struct ResilienceTests {
    @Test func retriesResendUntilTheLimit() async throws {
        let upstream = try await TestUpstream(reply: .text("busy", status: 503))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]),
            virtualServiceYAML(host: "reviews", http: """
            - route: [{destination: {host: reviews}}]
              retries: {attempts: 3, retryOn: 5xx}
            """))
        let observer = RecordingObserver()
        try await withProxy(config, observer: observer) { _, ports in
            let response = try await TestClient.send(port: try #require(ports.outbound), .POST, "/", host: "reviews",
                                                     body: Array("payload".utf8))
            #expect(response.status == 503)
            #expect(response.text == "busy")
        }
        #expect(upstream.requests.map { $0.header("x-envoy-attempt-count") } == ["1", "2", "3", "4"])
        #expect(upstream.requests.allSatisfy { $0.bodyText == "payload" })
        let record = try #require(observer.requests.first)
        #expect(record.attemptCount == 4)
        #expect(record.responseFlags == [.upstreamRetryLimitExceeded])
        #expect(observer.events.filter { if case .retry = $0 { true } else { false } }.count == 3)
        await upstream.stop()
    }

    @Test func retrySucceedsOnASecondAttempt() async throws {
        let upstream = try await TestUpstream { request in
            request.header("x-envoy-attempt-count") == "1" ? .text("no", status: 503) : .text("yes")
        }
        let config = try policyConfig(proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]))
        try await withProxy(config) { _, ports in
            // Istio's default policy retries a 503 twice.
            let response = try await TestClient.send(port: try #require(ports.outbound), .GET, "/", host: "reviews")
            #expect(response.status == 200)
            #expect(response.text == "yes")
        }
        #expect(upstream.requestCount == 2)
        await upstream.stop()
    }

    @Test func perTryTimeoutRetriesThenAnswers504() async throws {
        // The upstream answers far later than every try's deadline, with room for a loaded
        // machine: the bound below only says the proxy did not wait for it.
        let upstream = try await TestUpstream(reply: TestReply(body: Array("late".utf8), delay: .seconds(60)))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]),
            virtualServiceYAML(host: "reviews", http: """
            - route: [{destination: {host: reviews}}]
              retries: {attempts: 2, perTryTimeout: 300ms, retryOn: gateway-error}
            """))
        let observer = RecordingObserver()
        let began = ContinuousClock.now
        try await withProxy(config, observer: observer) { _, ports in
            let response = try await TestClient.send(port: try #require(ports.outbound), .GET, "/", host: "reviews")
            #expect(response.status == 504)
        }
        #expect(began.duration(to: .now) < .seconds(30))
        let record = try #require(observer.requests.first)
        // The first try and both retries were sent (the upstream may not have read the
        // last one before its try timed out, so its own count can trail).
        #expect(record.attemptCount == 3)
        #expect(upstream.requestCount >= 2 && upstream.requestCount <= 3)
        #expect(record.responseFlags == [.upstreamRequestTimeout, .upstreamRetryLimitExceeded])
        #expect(record.responseCode == 504)
        await upstream.stop()
    }

    @Test func routeTimeoutAnswers504() async throws {
        let upstream = try await TestUpstream(reply: TestReply(body: Array("late".utf8), delay: .seconds(60)))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]),
            virtualServiceYAML(host: "reviews", http: """
            - route: [{destination: {host: reviews}}]
              timeout: 200ms
            """))
        let observer = RecordingObserver()
        let began = ContinuousClock.now
        try await withProxy(config, observer: observer) { _, ports in
            let response = try await TestClient.send(port: try #require(ports.outbound), .GET, "/", host: "reviews")
            #expect(response.status == 504)
            #expect(response.text == "upstream request timeout")
        }
        #expect(began.duration(to: .now) < .seconds(30))
        #expect(observer.requests.first?.responseFlags == [.upstreamRequestTimeout])
        await upstream.stop()
    }

    @Test func connectFailureIs503WithUFAndURX() async throws {
        let config = try policyConfig(proxyConfigYAML(services: [("reviews", [("127.0.0.1:1", "v1")])]))
        let observer = RecordingObserver()
        try await withProxy(config, observer: observer) { _, ports in
            let response = try await TestClient.send(port: try #require(ports.outbound), .GET, "/", host: "reviews")
            #expect(response.status == 503)
        }
        let record = try #require(observer.requests.first)
        #expect(record.responseFlags == [.upstreamConnectionFailure, .upstreamRetryLimitExceeded])
        #expect(record.attemptCount == 3)
    }

    /// Both data paths: a route timeout sends requests through the task path.
    @Test(arguments: ["", "  timeout: 30s\n"])
    func aRetryWithoutAFreeSlotDeliversTheUpstreamAnswerFlaggedUO(routeTimeout: String) async throws {
        // Retries of /held answer after 5 s, holding the only `maxRetries` slot meanwhile.
        let upstream = try await TestUpstream { request in
            request.head.uri == "/held" && request.header("x-envoy-attempt-count") != "1"
                ? TestReply(status: 503, body: Array("late".utf8), delay: .seconds(5))
                : .text("busy: \(request.head.uri)", status: 503)
        }
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]),
            virtualServiceYAML(host: "reviews", http: """
            - route: [{destination: {host: reviews}}]
              retries: {attempts: 3, retryOn: 5xx}
            \(routeTimeout)
            """),
            destinationRuleYAML(host: "reviews", subsets: [], policy: "connectionPool: {http: {maxRetries: 1}}"))
        let observer = RecordingObserver()
        try await withProxy(config, observer: observer) { _, ports in
            let port = try #require(ports.outbound)
            let held = Task { try? await TestClient.send(port: port, .GET, "/held", host: "reviews") }
            #expect(await eventually { upstream.requests.contains { $0.head.uri == "/held" && $0.header("x-envoy-attempt-count") == "2" } })
            // /other wants a retry too, finds no slot, and gets the upstream's own answer.
            let other = try await TestClient.send(port: port, .GET, "/other", host: "reviews")
            #expect(other.status == 503 && other.text == "busy: /other", "\(other.text)")
            held.cancel()
        }
        #expect(upstream.requests.filter { $0.head.uri == "/other" }.count == 1, "no retry was sent")
        let record = try #require(observer.requests.first { $0.path == "/other" })
        #expect(record.responseFlags == [.upstreamOverflow] && record.attemptCount == 1 && record.responseCode == 503)
        #expect(observer.events.contains { if case .retryOverflow = $0 { true } else { false } })
        await upstream.stop()
    }

    @Test func poolOverflowAnswers503UO() async throws {
        // Slow enough that /2 and /3 arrive while /1 holds the only connection, even on a
        // loaded machine.
        let upstream = try await TestUpstream(reply: TestReply(body: Array("slow".utf8), delay: .seconds(2)))
        let config = try policyConfig(
            proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]),
            destinationRuleYAML(host: "reviews", subsets: [], policy: """
            connectionPool:
              tcp: {maxConnections: 1}
              http: {http1MaxPendingRequests: 1}
            """))
        let observer = RecordingObserver()
        try await withProxy(config, observer: observer) { _, ports in
            let port = try #require(ports.outbound)
            async let first = TestClient.send(port: port, .GET, "/1", host: "reviews")
            // The only connection is busy with /1 once the upstream has it; then of /2 and
            // /3 one waits as the single pending request and the other overflows.
            #expect(await eventually { upstream.requestCount == 1 })
            async let second = TestClient.send(port: port, .GET, "/2", host: "reviews")
            async let third = TestClient.send(port: port, .GET, "/3", host: "reviews")
            let statuses = [try await second.status, try await third.status].sorted()
            #expect(statuses == [200, 503])
            #expect(try await first.status == 200)
        }
        #expect(upstream.connectionCount == 1)
        let overflowed = observer.requests.filter { $0.responseFlags.contains(.upstreamOverflow) }
        #expect(overflowed.count == 1 && overflowed.allSatisfy { $0.path != "/1" && $0.responseCode == 503 })
        await upstream.stop()
    }
}
