import Testing
@testable import MeshPolicy

@Suite("Routing decisions")
struct RouterTests {
    let canary = """
    apiVersion: networking.istio.io/v1beta1
    kind: VirtualService
    metadata: {name: reviews}
    spec:
      hosts: [reviews]
      http:
      - name: internal
        match:
        - headers: {x-user-type: {exact: internal}}
        - queryParams: {beta: {exact: "1"}}
        route: [{destination: {host: reviews, subset: v3}}]
      - match: [{uri: {prefix: /old}}]
        rewrite: {uri: /new, authority: reviews.bookinfo}
        route: [{destination: {host: reviews, subset: v1}}]
      - match: [{uri: {exact: /moved}}]
        redirect: {uri: /here, authority: ratings, redirectCode: 302}
      - match: [{uri: {regex: "/api/v[0-9]+/items"}, method: {exact: POST}}]
        timeout: 2s
        retries: {attempts: 4, perTryTimeout: 500ms, retryOn: gateway-error}
        route: [{destination: {host: ratings}}]
      - match: [{withoutHeaders: {x-canary: {}}}]
        route:
        - {destination: {host: reviews, subset: v1}, weight: 90}
        - {destination: {host: reviews, subset: v2}, weight: 10}
      - route: [{destination: {host: reviews, subset: v2}}]
    """

    @Test("header and query matches pick the right subset")
    func headerRoute() throws {
        let router = try makeRouter(reviewsRuleYAML, canary)
        var random = SeededRandomGenerator(seed: 1)
        let byHeader = router.route(RouteRequest(authority: "reviews:9080", headers: ["X-User-Type": "internal"]), using: &random)
        #expect(byHeader.forwardTarget?.subset == "v3")
        #expect(byHeader.forwardTarget?.endpoints == [endpoint(9083, "v3")])
        #expect(byHeader.matchedRoute == .init(virtualService: "reviews", namespace: "bookinfo", routeIndex: 0, routeName: "internal"))
        #expect(byHeader.forwardTarget?.clusterName == "outbound|9080|v3|reviews.bookinfo.svc.cluster.local")
        let byQuery = router.route(RouteRequest(authority: "reviews", path: "/x?beta=1"), using: &random)
        #expect(byQuery.matchedRoute?.routeIndex == 0)
        let other = router.route(RouteRequest(authority: "reviews", headers: ["x-user-type": "external", "x-canary": "1"]), using: &random)
        #expect(other.matchedRoute?.routeIndex == 5)
        #expect(other.forwardTarget?.subset == "v2")
    }

    @Test("prefix rewrite replaces the matched prefix and the authority")
    func rewrite() throws {
        let router = try makeRouter(reviewsRuleYAML, canary)
        var random = SeededRandomGenerator(seed: 1)
        let decision = router.route(RouteRequest(authority: "reviews", path: "/old/page?q=1"), using: &random)
        #expect(decision.path == "/new/page?q=1")
        #expect(decision.authority == "reviews.bookinfo")
        #expect(decision.forwardTarget?.subset == "v1")
        #expect(Router.rewrite("/exact", matched: .exact("/exact"), to: "/other") == "/other")
        #expect(Router.rewrite("/foo", matched: nil, to: "/v2/") == "/v2/foo")
    }

    @Test("redirects build the location and carry the code")
    func redirect() throws {
        let router = try makeRouter(reviewsRuleYAML, canary)
        var random = SeededRandomGenerator(seed: 1)
        let decision = router.route(RouteRequest(authority: "reviews", path: "/moved?a=b"), using: &random)
        #expect(decision.action == .redirect(status: 302, location: "http://ratings/here?a=b"))
    }

    @Test("regex and method match; timeout and retries come from the route")
    func policies() throws {
        let router = try makeRouter(reviewsRuleYAML, canary)
        var random = SeededRandomGenerator(seed: 1)
        let post = router.route(RouteRequest(authority: "reviews", path: "/api/v12/items", method: "POST",
                                             headers: ["x-canary": "1"]), using: &random)
        #expect(post.matchedRoute?.routeIndex == 3)
        #expect(post.timeout == .seconds(2))
        #expect(post.retry == HTTPRetry(attempts: 4, perTryTimeout: .milliseconds(500), retryOn: [.gatewayError]))
        #expect(post.forwardTarget?.host == "ratings.bookinfo.svc.cluster.local")
        let get = router.route(RouteRequest(authority: "reviews", path: "/api/v12/items", method: "GET",
                                            headers: ["x-canary": "1"]), using: &random)
        #expect(get.matchedRoute?.routeIndex == 5)
        #expect(get.retry == .istioDefault)
    }

    @Test("weights hold within tolerance over many draws")
    func weights() throws {
        let router = try makeRouter(reviewsRuleYAML, canary)
        var random = SeededRandomGenerator(seed: 42)
        var counts: [String: Int] = [:]
        let draws = 20_000
        for _ in 0..<draws {
            let decision = router.route(RouteRequest(authority: "reviews.bookinfo.svc.cluster.local"), using: &random)
            counts[decision.forwardTarget?.subset ?? "-", default: 0] += 1
        }
        let share = Double(counts["v2", default: 0]) / Double(draws)
        #expect(abs(share - 0.10) < 0.01, "v2 share \(share)")
        #expect(counts["v1", default: 0] + counts["v2", default: 0] == draws)
    }

    @Test("the same seed gives the same decisions")
    func deterministic() throws {
        let router = try makeRouter(reviewsRuleYAML, canary)
        var first = SeededRandomGenerator(seed: 7)
        var second = SeededRandomGenerator(seed: 7)
        let request = RouteRequest(authority: "reviews")
        let a = (0..<50).map { _ in router.route(request, using: &first).forwardTarget?.subset }
        let b = (0..<50).map { _ in router.route(request, using: &second).forwardTarget?.subset }
        #expect(a == b)
    }

    @Test("without a VirtualService the host's service takes the request, all endpoints")
    func defaultRoute() throws {
        let router = try makeRouter(reviewsRuleYAML)
        var random = SeededRandomGenerator(seed: 1)
        let decision = router.route(RouteRequest(authority: "reviews.example.com"), using: &random)
        #expect(decision.matchedRoute == nil)
        #expect(decision.forwardTarget?.endpoints.count == 3)
        #expect(decision.forwardTarget?.trafficPolicy.loadBalancer == .roundRobin)
        #expect(decision.forwardTarget?.trafficPolicy.connectionPool?.maxRequests == 100)
        let unknown = router.route(RouteRequest(authority: "nowhere"), using: &random)
        guard case .noRoute = unknown.action else {
            Issue.record("expected no route, got \(unknown.action)")
            return
        }
    }

    @Test("a VirtualService whose routes all miss answers no route")
    func noMatch() throws {
        let router = try makeRouter(reviewsRuleYAML, """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ratings}
        spec:
          hosts: [ratings]
          http: [{match: [{uri: {exact: /only}}], route: [{destination: {host: ratings}}]}]
        """)
        var random = SeededRandomGenerator(seed: 1)
        guard case .noRoute = router.route(RouteRequest(authority: "ratings", path: "/other"), using: &random).action else {
            Issue.record("expected no route")
            return
        }
    }

    @Test("subset policy overrides the rule's, field by field")
    func subsetPolicy() throws {
        let router = try makeRouter(reviewsRuleYAML)
        let target = router.target(Destination(host: "reviews", subset: "v2"), namespace: "bookinfo")
        #expect(target.trafficPolicy.loadBalancer == .random)
        #expect(target.trafficPolicy.connectionPool?.maxRequests == 100)
        #expect(target.endpoints == [endpoint(9082, "v2")])
    }

    @Test("fault percentages hold, and abort skips forwarding")
    func faults() throws {
        let router = try makeRouter(reviewsRuleYAML, """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ratings}
        spec:
          hosts: [ratings]
          http:
          - fault:
              delay: {fixedDelay: 5s, percentage: {value: 30}}
              abort: {httpStatus: 503, percentage: {value: 20}}
            route: [{destination: {host: ratings}}]
        """)
        var random = SeededRandomGenerator(seed: 3)
        var delayed = 0
        var aborted = 0
        let draws = 20_000
        for _ in 0..<draws {
            let decision = router.route(RouteRequest(authority: "ratings"), using: &random)
            if decision.delay == .seconds(5) { delayed += 1 }
            if decision.action == .abort(status: 503) { aborted += 1 }
        }
        #expect(abs(Double(delayed) / Double(draws) - 0.30) < 0.015)
        #expect(abs(Double(aborted) / Double(draws) - 0.20) < 0.015)
    }

    @Test("mirrors follow their percentage; mirror targets resolve subsets")
    func mirrors() throws {
        let router = try makeRouter(reviewsRuleYAML, """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec:
          hosts: [reviews]
          http:
          - route: [{destination: {host: reviews, subset: v1}}]
            mirror: {host: reviews, subset: v2}
            mirrorPercentage: {value: 40}
        """)
        var random = SeededRandomGenerator(seed: 9)
        var mirrored = 0
        for _ in 0..<10_000 {
            let decision = router.route(RouteRequest(authority: "reviews"), using: &random)
            if let mirror = decision.mirrors.first {
                mirrored += 1
                #expect(mirror.subset == "v2" && mirror.endpoints == [endpoint(9082, "v2")])
            }
        }
        #expect(abs(Double(mirrored) / 10_000 - 0.40) < 0.02)
    }

    @Test("TCP pass-through follows tcp routes by port")
    func tcp() throws {
        let router = try makeRouter("""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: mysqldb}
        spec:
          host: mysqldb
          subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: mysqldb}
        spec:
          hosts: [mysqldb]
          tcp:
          - match: [{port: 3306}]
            route:
            - {destination: {host: mysqldb, subset: v1}, weight: 50}
            - {destination: {host: mysqldb, subset: v2}, weight: 50}
        """)
        var random = SeededRandomGenerator(seed: 5)
        var v2 = 0
        for _ in 0..<4000 where router.routeTCP(upstream: HostPort(host: "mysqldb", port: 3306), using: &random).subset == "v2" {
            v2 += 1
        }
        #expect(abs(Double(v2) / 4000 - 0.5) < 0.03)
        let literal = router.routeTCP(upstream: HostPort(host: "10.0.0.1", port: 5432), using: &random)
        #expect(literal.endpoints == [ServiceEndpoint(address: HostPort(host: "10.0.0.1", port: 5432))])
    }

    @Test("host names: short names in the rule's namespace, wildcards, aliases")
    func hostNames() {
        #expect(HostName.qualify("reviews", namespace: "ns") == "reviews.ns.svc.cluster.local")
        #expect(HostName.qualify("reviews.ns", namespace: "ns") == "reviews.ns.svc.cluster.local")
        #expect(HostName.qualify("api.example.com", namespace: "ns") == "api.example.com")
        #expect(HostName.normalize("Reviews:9080") == "reviews")
        #expect(HostName.covers("*.example.com", "api.example.com"))
        #expect(!HostName.covers("*.example.com", "example.org"))
    }
}
