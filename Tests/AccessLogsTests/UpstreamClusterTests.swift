import AccessLogs
import Testing

@Suite("Upstream clusters and peers")
struct UpstreamClusterTests {
    @Test("cluster name forms")
    func forms() {
        let outbound = UpstreamCluster("outbound|9080|v2|reviews.default.svc.cluster.local")
        #expect(outbound.direction == .outbound)
        #expect(outbound.port == 9080)
        #expect(outbound.subset == "v2")
        #expect(outbound.host == "reviews.default.svc.cluster.local")
        #expect(outbound.service == "reviews")
        #expect(outbound.namespace == "default")

        let noSubset = UpstreamCluster("outbound|8000||httpbin.foo.svc.cluster.local")
        #expect(noSubset.subset == nil)
        #expect(noSubset.service == "httpbin")

        let external = UpstreamCluster("outbound|443||www.example.com")
        #expect(external.service == "www.example.com")
        #expect(external.namespace == nil)

        let inbound = UpstreamCluster("inbound|8000||")
        #expect(inbound.direction == .inbound)
        #expect(inbound.port == 8000)
        #expect(inbound.host == nil)
        #expect(inbound.service == nil)

        let oldInbound = UpstreamCluster("inbound|9080|http|reviews.default.svc.cluster.local")
        #expect(oldInbound.service == "reviews")
        #expect(oldInbound.subset == "http")

        let shortDomain = UpstreamCluster("outbound|80||details.bookinfo.svc")
        #expect(shortDomain.service == "details")
        #expect(shortDomain.namespace == "bookinfo")
        let notKubernetes = UpstreamCluster("outbound|80||a.b.svcx.local")
        #expect(notKubernetes.service == "a.b.svcx.local")
        #expect(notKubernetes.namespace == nil)
        #expect(UpstreamCluster("outbound|80||.b.svc.cluster.local").namespace == nil)
        #expect(UpstreamCluster("outbound|x||h").port == nil)
        #expect(UpstreamCluster("outbound|1|2|3|4").direction == .other)

        let passthrough = UpstreamCluster("PassthroughCluster")
        #expect(passthrough.direction == .other)
        #expect(passthrough.isPassthrough)
        #expect(UpstreamCluster("backend_cluster").direction == .other)
        #expect(!UpstreamCluster("backend_cluster").isPassthrough)
        #expect(UpstreamCluster("outbound|9080|v2").direction == .other)
    }

    static func record(cluster: String, defaultService: String?) throws -> AccessLogRecord {
        try parse("{\"start_time\":\"2026-01-01T00:00:00Z\",\"upstream_cluster\":\"\(cluster)\"}", defaultService: defaultService)
    }

    @Test("outbound: the local service calls the cluster's service")
    func outboundPeers() throws {
        let r = try Self.record(cluster: "outbound|9080|v2|reviews.default.svc.cluster.local", defaultService: "productpage")
        #expect(r.source == AccessLogPeer(service: "productpage"))
        #expect(r.destination == AccessLogPeer(service: "reviews", namespace: "default", version: "v2"))
    }

    @Test("inbound: the local service is the destination")
    func inboundPeers() throws {
        let r = try Self.record(cluster: "inbound|9080||", defaultService: "reviews")
        #expect(r.source == AccessLogPeer())
        #expect(r.destination == AccessLogPeer(service: "reviews"))
        let old = try Self.record(cluster: "inbound|9080|http|ratings.prod.svc.cluster.local", defaultService: nil)
        #expect(old.destination == AccessLogPeer(service: "ratings", namespace: "prod"))
        #expect(try Self.record(cluster: "inbound|9080||", defaultService: nil).destination == AccessLogPeer())
    }

    @Test("other clusters: the cluster is the destination, passthrough names none")
    func otherPeers() throws {
        let plain = try Self.record(cluster: "backend", defaultService: "edge")
        #expect(plain.source.service == "edge")
        #expect(plain.destination.service == "backend")
        let passthrough = try Self.record(cluster: "PassthroughCluster", defaultService: "edge")
        #expect(passthrough.destination == AccessLogPeer())
    }

    @Test("nested peers win over the cluster; an unidentified nested peer is completed from it")
    func nestedWins() throws {
        let r = try parse(#"""
            {"timestamp":"2026-01-01T00:00:00Z","upstream_cluster":"outbound|9080|v2|reviews.default.svc.cluster.local",
             "source":{"ip":"10.0.0.9"},"destination":{"workload":"reviews-v3"}}
            """#, defaultService: "productpage")
        #expect(r.source == AccessLogPeer(service: "productpage", address: "10.0.0.9"))
        #expect(r.destination == AccessLogPeer(workload: "reviews-v3"))
    }

    @Test("a bare string names a peer's service; an empty default service is none")
    func bareNames() throws {
        let r = try parse(#"{"timestamp":"2026-01-01T00:00:00Z","source":"a","destination":"b"}"#, defaultService: "")
        #expect(r.source.service == "a")
        #expect(r.destination.service == "b")
        #expect(try parse(#"{"timestamp":"2026-01-01T00:00:00Z"}"#, defaultService: "").destination == AccessLogPeer())
    }
}
