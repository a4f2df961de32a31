import MeshCA
import MeshPolicy
import NIOHTTP1
import NIOCore
import NIOPosix
import Proxy
import Testing

/// Two proxies and an app on 127.0.0.1: productpage's sidecar (outbound) calling
/// reviews' sidecar (inbound, under a PeerAuthentication) in front of the app.
@Suite struct MutualTLSTests {
    static let productpage = "spiffe://cluster.local/ns/default/sa/productpage"
    static let reviews = "spiffe://cluster.local/ns/default/sa/reviews"

    /// Runs reviews' sidecar (mode) and productpage's sidecar (client policy) around `body`,
    /// which gets the client's outbound port and the server's inbound port.
    static func withMesh<T: Sendable>(
        mode: String?, trafficPolicy: String? = nil, sidecarLabel: Bool = true, mesh: TestMesh? = nil,
        serverCertificates: WorkloadCertificates? = nil, clientCertificates: WorkloadCertificates? = nil,
        serverObserver: RecordingObserver = RecordingObserver(), clientObserver: RecordingObserver = RecordingObserver(),
        _ body: (_ outbound: Int, _ inbound: Int) async throws -> T) async throws -> T {
        let app = try await TestUpstream(reply: .text("reviews ok"))
        defer { Task { await app.stop() } }
        let mesh = try mesh ?? TestMesh()
        var serverCerts = serverCertificates
        if serverCerts == nil { serverCerts = try await mesh.certificates("reviews") }
        var clientCerts = clientCertificates
        if clientCerts == nil { clientCerts = try await mesh.certificates("productpage") }
        let serverConfig = try policyConfig(documents: serverSideYAML(app: app.address, mode: mode))
        return try await withProxy(serverConfig, observer: serverObserver,
                                   options: ProxyServerOptions(drainGracePeriod: .seconds(2),
                                                               meshTLS: MeshTLS(certificates: serverCerts!))) { _, serverPorts in
            let inbound = try #require(serverPorts.inbound)
            let clientConfig = try policyConfig(documents: clientSideYAML(
                endpoint: "127.0.0.1:\(inbound)", sidecarLabel: sidecarLabel, trafficPolicy: trafficPolicy))
            return try await withProxy(clientConfig, observer: clientObserver,
                                       options: ProxyServerOptions(drainGracePeriod: .seconds(2),
                                                                   meshTLS: MeshTLS(certificates: clientCerts!))) { _, clientPorts in
                try await body(try #require(clientPorts.outbound), inbound)
            }
        }
    }

    @Test func strictRefusesPlaintextAndServesMutualTLSWithPrincipals() async throws {
        let server = RecordingObserver()
        let client = RecordingObserver()
        try await Self.withMesh(mode: "STRICT", serverObserver: server, clientObserver: client) { outbound, inbound in
            let viaMesh = try await TestClient.send(port: outbound, .GET, "/reviews/1", host: "reviews")
            #expect(viaMesh.status == 200)
            #expect(viaMesh.text == "reviews ok")
            // A plaintext client straight to the inbound listener is cut off.
            await #expect(throws: (any Error).self) {
                _ = try await TestClient.send(port: inbound, .GET, "/reviews/1", host: "reviews")
            }
            #expect(await eventually { server.requests.count == 1 && client.requests.count == 1 })
            let inboundRecord = try #require(server.requests.first)
            #expect(inboundRecord.downstreamMutualTLS)
            #expect(inboundRecord.downstreamPeerPrincipal == Self.productpage)
            let outboundRecord = try #require(client.requests.first)
            #expect(outboundRecord.upstreamPeerPrincipal == Self.reviews)
        }
    }

    @Test func permissiveAcceptsBothAndTellsThemApart() async throws {
        let server = RecordingObserver()
        try await Self.withMesh(mode: "PERMISSIVE", serverObserver: server) { outbound, inbound in
            let viaMesh = try await TestClient.send(port: outbound, .GET, "/mtls", host: "reviews")
            let plain = try await TestClient.send(port: inbound, .GET, "/plain", host: "reviews")
            #expect(viaMesh.status == 200)
            #expect(plain.status == 200)
            #expect(await eventually { server.requests.count == 2 })
            let byPath = Dictionary(uniqueKeysWithValues: server.requests.map { ($0.path, $0) })
            #expect(byPath["/mtls"]?.downstreamMutualTLS == true)
            #expect(byPath["/mtls"]?.downstreamPeerPrincipal == Self.productpage)
            #expect(byPath["/plain"]?.downstreamMutualTLS == false)
            #expect(byPath["/plain"]?.downstreamPeerPrincipal == nil)
        }
    }

    @Test func disableServesPlaintextAndRefusesTLS() async throws {
        let server = RecordingObserver()
        let client = RecordingObserver()
        try await Self.withMesh(mode: "DISABLE", trafficPolicy: "tls: {mode: ISTIO_MUTUAL}",
                                serverObserver: server, clientObserver: client) { outbound, inbound in
            let plain = try await TestClient.send(port: inbound, .GET, "/plain", host: "reviews")
            #expect(plain.status == 200)
            // The client sidecar insists on ISTIO_MUTUAL: the server refuses the handshake.
            let viaMesh = try await TestClient.send(port: outbound, .GET, "/mtls", host: "reviews")
            #expect(viaMesh.status == 503)
            #expect(await eventually { server.requests.count == 1 })
            #expect(server.requests.first?.downstreamMutualTLS == false)
        }
    }

    @Test func outboundIsPlaintextWithoutSidecarLabelOrWithDisable() async throws {
        let server = RecordingObserver()
        try await Self.withMesh(mode: "PERMISSIVE", sidecarLabel: false, serverObserver: server) { outbound, _ in
            let response = try await TestClient.send(port: outbound, .GET, "/a", host: "reviews")
            #expect(response.status == 200)
        }
        try await Self.withMesh(mode: "PERMISSIVE", trafficPolicy: "tls: {mode: DISABLE}", serverObserver: server) { outbound, _ in
            let response = try await TestClient.send(port: outbound, .GET, "/b", host: "reviews")
            #expect(response.status == 200)
        }
        #expect(await eventually { server.requests.count == 2 })
        #expect(server.requests.allSatisfy { !$0.downstreamMutualTLS })
    }

    @Test func aCertificateFromAnotherRootIsRefused() async throws {
        let mesh = try TestMesh()
        let stranger = try await TestMesh().certificates("productpage")
        try await Self.withMesh(mode: "STRICT", mesh: mesh, clientCertificates: stranger) { outbound, _ in
            let response = try await TestClient.send(port: outbound, .GET, "/x", host: "reviews")
            #expect(response.status == 503)
        }
    }

    /// A refused connect tears the TLS pipeline down before it was active: a 503, and the
    /// pending handshake promise is failed rather than leaked (a crash in debug builds).
    @Test func mutualTLSToAClosedPortIsAConnectFailure() async throws {
        let mesh = try TestMesh()
        let certificates = try await mesh.certificates("productpage")
        let closed = try await TestUpstream(reply: .text("gone"))
        let port = closed.port
        await closed.stop()
        let config = try policyConfig(documents: clientSideYAML(endpoint: "127.0.0.1:\(port)",
                                                                trafficPolicy: "tls: {mode: ISTIO_MUTUAL}"))
        let observer = RecordingObserver()
        try await withProxy(config, observer: observer,
                            options: ProxyServerOptions(drainGracePeriod: .seconds(2),
                                                        meshTLS: MeshTLS(certificates: certificates))) { _, ports in
            let response = try await TestClient.send(port: try #require(ports.outbound), .GET, "/x", host: "reviews")
            #expect(response.status == 503)
        }
        #expect(observer.requests.first?.responseFlags.contains(.upstreamConnectionFailure) == true)
    }
}

extension MutualTLSTests {
    /// A client that connects and never sends a byte (so the first-byte decision never
    /// happens) must not hold up a drain.
    @Test func aSilentConnectionDoesNotBlockTheDrain() async throws {
        let app = try await TestUpstream(reply: .text("ok"))
        let mesh = try TestMesh()
        let config = try policyConfig(documents: serverSideYAML(app: app.address, mode: "STRICT"))
        let certificates = try await mesh.certificates("reviews")
        let server = ProxyServer(config: config, options: ProxyServerOptions(drainGracePeriod: .milliseconds(300),
                                                                              meshTLS: MeshTLS(certificates: certificates)))
        let running = Task { try await server.run() }
        let ports = try await server.boundPorts()
        let silent = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: try #require(ports.inbound)).get()
        try await Task.sleep(for: .milliseconds(100))
        let began = ContinuousClock.now
        server.beginDrain()
        try await running.value
        #expect(began.duration(to: .now) < .seconds(5))
        try? await silent.close()
        await app.stop()
    }
}
