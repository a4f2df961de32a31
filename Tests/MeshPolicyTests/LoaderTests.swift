import Testing
@testable import MeshPolicy

@Suite("Loading policy documents")
struct LoaderTests {
    @Test("decodes a VirtualService with every implemented HTTP feature")
    func virtualServiceFeatures() throws {
        let file = PolicyLoader.load(yaml: """
        apiVersion: networking.istio.io/v1alpha3
        kind: VirtualService
        metadata: {name: reviews, namespace: bookinfo}
        spec:
          hosts: [reviews]
          http:
          - name: canary
            match:
            - uri: {prefix: /api}
              method: {exact: GET}
              headers: {x-user: {regex: "a.*"}, x-any: {}}
              queryParams: {debug: {exact: "1"}}
              withoutHeaders: {x-skip: {exact: "yes"}}
            rewrite: {uri: /v2, authority: reviews.internal}
            timeout: 1.5s
            retries: {attempts: 3, perTryTimeout: 500ms, retryOn: "5xx,gateway-error,503"}
            fault:
              delay: {fixedDelay: 2s, percent: 10}
              abort: {httpStatus: 503, percentage: {value: 0.5}}
            mirror: {host: reviews, subset: v3}
            mirror_percent: 25
            headers:
              request: {set: {x-a: "1"}, remove: [x-b]}
            route:
            - destination: {host: reviews, subset: v1, port: {number: 9080}}
              weight: 75
            - destination: {host: reviews, subset: v2}
              weight: 25
          tcp:
          - match: [{port: 3306}]
            route: [{destination: {host: mysqldb}}]
        """, file: "vs.yaml")
        #expect(file.findings.isEmpty, "\(file.findings)")
        guard case .virtualService(let service) = file.documents.first?.content else {
            Issue.record("not a VirtualService")
            return
        }
        #expect(service.namespace == "bookinfo")
        let route = try #require(service.http.first)
        #expect(route.name == "canary")
        let match = try #require(route.match.first)
        #expect(match.uri == .prefix("/api"))
        #expect(match.headers["x-any"] == .present)
        #expect(match.queryParams["debug"] == .match(.exact("1")))
        #expect(route.rewrite == HTTPRewrite(uri: "/v2", authority: "reviews.internal"))
        #expect(route.timeout == .milliseconds(1500))
        #expect(route.retries == HTTPRetry(attempts: 3, perTryTimeout: .milliseconds(500),
                                           retryOn: [.serverError, .gatewayError, .statusCode(503)]))
        #expect(route.fault?.delay == .init(fixedDelay: .seconds(2), percentage: 10))
        #expect(route.fault?.abort == .init(httpStatus: 503, percentage: 0.5))
        #expect(route.mirrors == [MirrorPolicy(destination: Destination(host: "reviews", subset: "v3"), percentage: 25)])
        #expect(route.headers.request.set == ["x-a": "1"])
        #expect(route.route.map(\.weight) == [75, 25])
        #expect(route.route.first?.destination == Destination(host: "reviews", subset: "v1", port: 9080))
        #expect(service.tcp == [TCPRoute(matchPorts: [3306], route: [WeightedDestination(destination: Destination(host: "mysqldb"))])])
    }

    @Test("decodes a DestinationRule's policies, subsets and port-level settings")
    func destinationRule() throws {
        let file = PolicyLoader.load(yaml: """
        apiVersion: networking.istio.io/v1beta1
        kind: DestinationRule
        metadata: {name: reviews}
        spec:
          host: reviews
          trafficPolicy:
            loadBalancer: {consistentHash: {httpHeaderName: X-User, minimumRingSize: 64}}
            connectionPool:
              tcp: {maxConnections: 10}
              http: {http1MaxPendingRequests: 5, http2MaxRequests: 20, maxRequestsPerConnection: 2, maxRetries: 3}
            outlierDetection: {consecutive5xxErrors: 3, consecutiveGatewayErrors: 2, interval: 5s, baseEjectionTime: 1m, maxEjectionPercent: 50}
            portLevelSettings:
            - port: {number: 9443}
              loadBalancer: {simple: RANDOM}
          subsets:
          - name: v1
            labels: {version: v1}
            trafficPolicy: {loadBalancer: {simple: LEAST_CONN}}
        """, file: "dr.yaml")
        #expect(file.findings.isEmpty, "\(file.findings)")
        guard case .destinationRule(let rule) = file.documents.first?.content else {
            Issue.record("not a DestinationRule")
            return
        }
        let policy = try #require(rule.trafficPolicy)
        #expect(policy.loadBalancer == .consistentHash(headerName: "x-user", minimumRingSize: 64))
        #expect(policy.connectionPool == ConnectionPoolSettings(maxConnections: 10, maxPendingRequests: 5, maxRequests: 20,
                                                                maxRequestsPerConnection: 2, maxRetries: 3))
        #expect(policy.outlierDetection == OutlierDetectionSettings(consecutive5xxErrors: 3, consecutiveGatewayErrors: 2,
                                                                    interval: .seconds(5), baseEjectionTime: .seconds(60),
                                                                    maxEjectionPercent: 50))
        #expect(policy.forPort(9443).loadBalancer == .random)
        #expect(policy.forPort(9080).loadBalancer == .consistentHash(headerName: "x-user", minimumRingSize: 64))
        #expect(rule.subset(named: "v1")?.trafficPolicy?.loadBalancer == .leastRequest)
    }

    @Test("decodes the ProxyConfig schema")
    func proxyConfig() throws {
        let file = PolicyLoader.load(yaml: proxyYAML, file: "proxy.yaml")
        #expect(file.findings.isEmpty, "\(file.findings)")
        guard case .proxyConfig(let config) = file.documents.first?.content else {
            Issue.record("not a ProxyConfig")
            return
        }
        #expect(config.workload.name == "productpage-v1")
        #expect(config.workload.namespace == "bookinfo")
        #expect(config.workload.principal == "spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage")
        #expect(config.workload.labels == ["app": "productpage", "version": "v1"])
        #expect(config.listeners.inbound == .init(port: 15006, app: HostPort(host: "127.0.0.1", port: 9080)))
        #expect(config.listeners.outboundPort == 15001)
        #expect(config.listeners.adminPort == 15000)
        #expect(config.listeners.tcp == [.init(name: "mysql", port: 13306, upstream: HostPort(host: "mysqldb", port: 3306))])
        #expect(config.collectorAddress == HostPort(host: "127.0.0.1", port: 9098))
        #expect(config.tracingSamplingPercentage == 50)
        #expect(config.accessLogPath == "/dev/stdout")
        #expect(config.services.count == 3)
        #expect(config.service(forHost: "reviews.bookinfo.svc.cluster.local")?.name == "reviews")
        #expect(config.service(forHost: "reviews.bookinfo")?.name == "reviews")
        #expect(config.service(forHost: "REVIEWS:9080")?.name == "reviews")
        #expect(config.service(forHost: "reviews.example.com")?.name == "reviews")
        #expect(config.service(forHost: "reviews.other") == nil)
    }

    @Test("skips empty documents and keeps document indexes")
    func emptyDocuments() {
        let file = PolicyLoader.load(yaml: "---\n# nothing\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\n", file: "x.yaml")
        #expect(file.documents.count == 1)
        #expect(file.documents.first?.index == 1)
        #expect(file.documents.first?.content == .notApplied)
    }

    @Test("parses host:port forms")
    func hostPort() {
        #expect(HostPort(parsing: "127.0.0.1:80") == HostPort(host: "127.0.0.1", port: 80))
        #expect(HostPort(parsing: "[::1]:8080") == HostPort(host: "::1", port: 8080))
        #expect(HostPort(parsing: "db") == nil)
        #expect(HostPort(parsing: "db:99999") == nil)
        #expect(HostPort(parsing: ":80") == nil)
    }
}
