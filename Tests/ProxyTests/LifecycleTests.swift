import MeshPolicy
import NIOCore
import NIOHTTP1
import NIOPosix
import Proxy
import Testing

@Suite struct LifecycleTests {
    @Test func drainFinishesAnInFlightSlowRequest() async throws {
        let upstream = try await TestUpstream(reply: TestReply(body: Array("slow".utf8), delay: .milliseconds(400)))
        let config = try policyConfig(proxyConfigYAML(services: [("reviews", [(upstream.address, "v1")])]))
        let server = ProxyServer(config: config, options: ProxyServerOptions(drainGracePeriod: .seconds(8)))
        let running = Task { try await server.run() }
        let port = try #require(try await server.boundPorts().outbound)
        async let inFlight = TestClient.send(port: port, .GET, "/", host: "reviews")
        #expect(await eventually { upstream.requestCount == 1 })
        let began = ContinuousClock.now
        server.beginDrain()
        let response = try await inFlight
        #expect(response.status == 200)
        #expect(response.text == "slow")
        #expect(response.header("connection") == "close")
        try await running.value
        // Well before the 8 s grace period: the drain ended when the request did.
        #expect(began.duration(to: .now) < .seconds(6), "run() ends once the last request is done")
        await #expect(throws: (any Error).self) {
            _ = try await TestClient.send(port: port, .GET, "/", host: "reviews")
        }
        await upstream.stop()
    }

    @Test func reloadKeepsInFlightDecisions() async throws {
        let old = try await TestUpstream(reply: TestReply(body: Array("old".utf8), delay: .milliseconds(300)))
        let new = try await TestUpstream(reply: .text("new"))
        let first = try policyConfig(proxyConfigYAML(services: [("reviews", [(old.address, "v1")])]))
        let second = try policyConfig(proxyConfigYAML(services: [("reviews", [(new.address, "v1")])]))
        try await withProxy(first) { server, ports in
            let port = try #require(ports.outbound)
            async let inFlight = TestClient.send(port: port, .GET, "/", host: "reviews")
            #expect(await eventually { old.requestCount == 1 })
            server.reload(config: second)
            #expect(try await TestClient.send(port: port, .GET, "/", host: "reviews").text == "new")
            #expect(try await inFlight.text == "old")
        }
        await old.stop()
        await new.stop()
    }

    @Test func tcpPassThroughEchoesAndReports() async throws {
        let echo = try await EchoServer.start()
        let config = try policyConfig(proxyConfigYAML(services: [], tcp: [("echo", "127.0.0.1:\(echo.port)")]))
        let observer = RecordingObserver()
        try await withProxy(config, observer: observer) { _, ports in
            let port = try #require(ports.tcp["echo"])
            let reply = try await EchoServer.roundTrip(port: port, Array("hello through the mesh".utf8))
            #expect(String(decoding: reply, as: UTF8.self) == "hello through the mesh")
            #expect(await eventually { observer.tcpClosed.count == 1 })
        }
        let closed = try #require(observer.tcpClosed.first)
        #expect(closed.sentBytes == 22)
        #expect(closed.receivedBytes == 22)
        #expect(closed.listener == "echo")
        #expect(closed.upstreamHost == "127.0.0.1:\(echo.port)")
        #expect(observer.tcpOpened.count == 1)
        try await echo.server.channel.close()
    }
}
