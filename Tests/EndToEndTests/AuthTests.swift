import Foundation
import Server
import Testing

extension EndToEnd {
    /// `auth`: every route of both listeners, asked with no token, an unknown token, the
    /// other class' token and its own token; 401/403 in the protocol's body, or success.
    @Suite struct AuthTests {
        static let ingestToken = "ingest-0123456789abcdef"
        static let queryToken = "query-fedcba9876543210"

        /// The data-storing routes, written out independently of `RouteClass`: a new POST
        /// route that stores data must be added to both.
        static let expectedIngest: Set<String> = ["POST /api/v2/spans", "POST /api/v1/logs"]
        /// Routes open for probes.
        static let expectedOpen: Set<String> = ["GET /-/healthy", "GET /-/ready", "GET /health"]
        /// The certificate authority checks its own bootstrap token: query and ingest tokens
        /// neither open nor close it (here it is disabled, so it answers 404 to everyone).
        static let expectedCertificateAuthority: Set<String> = ["POST /api/v1/ca/certificates", "GET /api/v1/ca/root"]

        static func config(dir: String) throws -> String {
            let queryFile = join(dir, "query.token")
            try write("# rotated weekly\n\(queryToken)\n", to: queryFile)
            let path = join(dir, "meshscope.yaml")
            try write("""
                auth:
                  ingest_tokens: [\(ingestToken)]
                  query_token_files: [\(queryFile)]
                """, to: path)
            return path
        }

        @Test func everyRouteRefusesWithoutTheRightToken() async throws {
            try await withTemporaryDirectory("auth") { dir in
                let (main, zipkin) = try await RouteTable.routes(in: dir)
                #expect(main.count > 40, "router lists its routes: \(main)")
                #expect(main.contains { $0.pattern == "/graph" }, "web pages are registered: \(main)")
                // The classifier's ingest list is exactly the independent one, and every POST
                // route outside it is a known query-class POST.
                #expect(Set(RouteClass.ingestRoutes.map { "\($0.method.rawValue) \($0.path)" }) == Self.expectedIngest)
                let posts = Set(main.filter { $0.method == "POST" }.map(\.description))
                let queryPosts = posts.subtracting(Self.expectedIngest)
                for post in queryPosts.subtracting(Self.expectedCertificateAuthority) {
                    #expect(RouteClass.of(method: .post, path: post.replacingOccurrences(of: "POST ", with: "")) == .query)
                }
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: try Self.config(dir: dir), workDir: dir)
                defer { serve.terminateIfRunning() }
                let zipkinPort = try #require(serve.zipkinPort)
                var checked = 0
                for (base, routes) in [(serve.baseURL, main), ("http://127.0.0.1:\(zipkinPort)", zipkin)] {
                    for route in routes {
                        try await check(route, base: base, serve: serve)
                        checked += 1
                    }
                }
                #expect(checked == main.count + zipkin.count)
                // Another spelling of an ingest path does not let a query token store data.
                for spelling in ["/api/v2/%73pans", "/api/v2/spans/", "/api/v2//spans", "/api/v1/logs?x=1"] {
                    let sneaky = try await SecurityHTTP.send("POST", serve.baseURL + spelling, token: Self.queryToken,
                                                             headers: [("Content-Type", "application/json")], body: Array("[]".utf8))
                    #expect(!(200..<300).contains(sneaky.status), "POST \(spelling) with the query token: \(sneaky.status)")
                }
                let metrics = try await SecurityHTTP.send("GET", serve.baseURL + "/metrics", token: Self.queryToken).text
                let missing = SecurityHTTP.sampleValue(
                    metrics, #"meshscope_http_auth_failures_total{reason="missing",route_class="query"}"#) ?? 0
                let forbidden = SecurityHTTP.sampleValue(
                    metrics, #"meshscope_http_auth_failures_total{reason="forbidden",route_class="ingest"}"#) ?? 0
                #expect(missing > 10, "\(metrics)")
                #expect(forbidden >= 2, "\(metrics)")
                try await serve.stop()
            }
        }

        private func check(_ route: RouteTable.Route, base: String, serve: ServeProcess) async throws {
            let url = base + route.path
            let name = "\(route) (\(url))"
            if Self.expectedCertificateAuthority.contains(route.description) {
                #expect(RouteClass.of(method: .get, path: route.pattern) == .certificateAuthority, "\(name)")
                let untouched = try await SecurityHTTP.send(route.method, url, body: route.method == "POST" ? [] : nil)
                #expect(untouched.status == 404, "\(name) is the CA's to refuse: \(untouched.status) \(untouched.text)")
                return
            }
            if Self.expectedOpen.contains(route.description) {
                let open = try await SecurityHTTP.send(route.method, url)
                #expect(open.status == 200, "\(name) stays open: \(open.status) \(open.text)")
                return
            }
            let isIngest = Self.expectedIngest.contains(route.description)
            let own = isIngest ? Self.ingestToken : Self.queryToken
            let other = isIngest ? Self.queryToken : Self.ingestToken
            let none = try await SecurityHTTP.send(route.method, url)
            expectRefusal(none, 401, route: route, name: "\(name) without a token")
            let wrong = try await SecurityHTTP.send(route.method, url, token: "not-a-token")
            expectRefusal(wrong, 401, route: route, name: "\(name) with a wrong token")
            let crossed = try await SecurityHTTP.send(route.method, url, token: other)
            expectRefusal(crossed, 403, route: route, name: "\(name) with the \(isIngest ? "query" : "ingest") token")
            // `/-/reload` with the right token really reloads; that is fine (same file).
            let allowed = try await SecurityHTTP.send(route.method, url, token: own, body: route.method == "POST" ? [] : nil)
            #expect(![401, 403, 429].contains(allowed.status), "\(name) with its token: \(allowed.status) \(allowed.text)\n\(serve.logTail())")
        }

        private func expectRefusal(_ result: HTTPResult, _ status: Int, route: RouteTable.Route, name: String) {
            #expect(result.status == status, "\(name): \(result.status) \(result.text)")
            if status == 401 {
                #expect(result.header("WWW-Authenticate")?.hasPrefix("Bearer") == true, "\(name): WWW-Authenticate")
            }
            if route.pattern.hasPrefix("/api/v1/") {
                let json = (try? JSONSerialization.jsonObject(with: Data(result.body))) as? [String: Any]
                #expect(json?["status"] as? String == "error", "\(name): Prometheus envelope: \(result.text)")
                #expect(json?["errorType"] as? String == (status == 401 ? "unauthorized" : "forbidden"), "\(name)")
                #expect((json?["error"] as? String)?.isEmpty == false, "\(name)")
            } else {
                #expect(result.header("Content-Type")?.hasPrefix("text/plain") == true, "\(name): plain text")
                if route.method != "HEAD" { #expect(!result.text.isEmpty, "\(name): a reason in the body") }
            }
        }

        /// A changed token file takes effect on reload: the old token stops working, the
        /// new one works; a literal token keeps working; an unreadable file refuses the reload.
        @Test func reloadReReadsTokenFiles() async throws {
            try await withTemporaryDirectory("auth-reload") { dir in
                let config = try Self.config(dir: dir)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let url = serve.baseURL + "/api/v1/labels"
                #expect(try await SecurityHTTP.send("GET", url, token: Self.queryToken).status == 200)
                let rotated = "query-rotated-42"
                try write("\(rotated)\n", to: join(dir, "query.token"))
                let reload = try await SecurityHTTP.send("POST", serve.baseURL + "/-/reload", token: Self.queryToken)
                #expect(reload.status == 200, "\(reload.text)")
                #expect(try await SecurityHTTP.send("GET", url, token: Self.queryToken).status == 401)
                #expect(try await SecurityHTTP.send("GET", url, token: rotated).status == 200)
                // SIGHUP does the same.
                try write("\(Self.queryToken)\n", to: join(dir, "query.token"))
                serve.signal(SIGHUP)
                _ = try await eventually("SIGHUP to re-read the token file", context: serve.logTail) {
                    try await SecurityHTTP.send("GET", url, token: Self.queryToken).status == 200 ? true : nil
                }
                // A missing token file refuses the reload; the running tokens stay.
                try FileManager.default.removeItem(atPath: join(dir, "query.token"))
                let refused = try await SecurityHTTP.send("POST", serve.baseURL + "/-/reload", token: Self.queryToken)
                #expect(refused.status == 500 && refused.text.contains("query.token"), "\(refused.text)")
                #expect(try await SecurityHTTP.send("GET", url, token: Self.queryToken).status == 200)
                try await serve.stop()
            }
        }

        /// Without an `auth` section nothing changes: every class is open.
        @Test func noTokensMeansOpen() async throws {
            try await withTemporaryDirectory("auth-open") { dir in
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: nil, workDir: dir)
                defer { serve.terminateIfRunning() }
                #expect(try await SecurityHTTP.send("GET", serve.baseURL + "/api/v1/labels").status == 200)
                let logs = try await SecurityHTTP.send("POST", serve.baseURL + "/api/v1/logs", body: [])
                #expect(![401, 403].contains(logs.status), "\(logs.text)")
                try await serve.stop()
            }
        }
    }
}
