import Config
import Foundation
@testable import Server
import Testing

/// The pure parts of the listeners' security: no sockets, no sleeps.
@Suite struct SecurityUnitTests {
    @Test func tokenBucketBurstsThenRefills() {
        var bucket = TokenBucket(capacity: 3, ratePerSecond: 2, now: 100)
        #expect(bucket.take(now: 100) == .allowed)
        #expect(bucket.take(now: 100) == .allowed)
        #expect(bucket.take(now: 100) == .allowed)
        guard case .limited(let wait) = bucket.take(now: 100) else {
            Issue.record("a fourth request at once must be limited")
            return
        }
        #expect(abs(wait - 0.5) < 1e-9, "one token at 2/s takes 0.5s: \(wait)")
        #expect(bucket.take(now: 100.25) != .allowed)
        #expect(bucket.take(now: 100.5) == .allowed)
        // A long pause refills only up to the capacity.
        #expect(bucket.isFull(now: 1000))
        for _ in 0..<3 { #expect(bucket.take(now: 1000) == .allowed) }
        #expect(bucket.take(now: 1000) != .allowed)
        // A clock stepping back neither mints nor takes tokens.
        #expect(bucket.take(now: 990) != .allowed)
    }

    @Test func rateLimiterIsPerClientAndBounded() {
        var limiter = ClientRateLimiter(limit: IngestRateLimit(requestsPerSecond: 1, burst: 1))
        #expect(limiter.take(client: "10.0.0.1", now: 0) == .allowed)
        #expect(limiter.take(client: "10.0.0.1", now: 0) != .allowed)
        #expect(limiter.take(client: "10.0.0.2", now: 0) == .allowed, "another client has its own bucket")
        for index in 0..<(ClientRateLimiter.maxClients + 50) {
            _ = limiter.take(client: "c\(index)", now: 0)
        }
        #expect(limiter.clientCount <= ClientRateLimiter.maxClients + 1, "the table never grows past its bound")
        var off = ClientRateLimiter(limit: IngestRateLimit())
        for _ in 0..<100 { #expect(off.take(client: "x", now: 0) == .allowed) }
    }

    @Test func tokensCompareWholeAndExactly() {
        let tokens = BearerTokens(["alpha-token", "beta"])
        #expect(tokens.contains(Array("alpha-token".utf8)))
        #expect(tokens.contains(Array("beta".utf8)))
        #expect(!tokens.contains(Array("alpha-toke".utf8)))
        #expect(!tokens.contains(Array("alpha-tokenX".utf8)))
        #expect(!tokens.contains(Array("".utf8)))
        #expect(BearerTokens.constantTimeEqual(Array("ab".utf8), Array("ab".utf8)) == 1)
        #expect(BearerTokens.constantTimeEqual(Array("ab".utf8), Array("ab\0".utf8)) == 0)
    }

    @Test func tokenFilesSkipCommentsAndFailWhenUnreadable() throws {
        let path = NSTemporaryDirectory() + "meshscope-token-\(UUID().uuidString)"
        try "# comment\n\n  tok-1  \ntok-2\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tokens = try BearerTokens.load(tokens: ["lit"], files: [path])
        #expect(tokens == BearerTokens(["lit", "tok-1", "tok-2"]))
        #expect(throws: TokenFileError.self) { try BearerTokens.load(tokens: [], files: [path + ".missing"]) }
    }

    @Test func routesAreClassified() {
        #expect(RouteClass.of(method: .post, path: "/api/v2/spans") == .ingest)
        #expect(RouteClass.of(method: .post, path: "/api/v2/spans/") == .ingest)
        #expect(RouteClass.of(method: .post, path: "/api/v1/logs") == .ingest)
        #expect(RouteClass.of(method: .get, path: "/api/v1/logs") == .query)
        #expect(RouteClass.of(method: .get, path: "/api/v2/spans") == .query)
        #expect(RouteClass.of(method: .post, path: "/api/v1/query") == .query)
        #expect(RouteClass.of(method: .post, path: "/-/reload") == .query)
        #expect(RouteClass.of(method: .get, path: "/-/healthy") == .open)
        #expect(RouteClass.of(method: .post, path: "/-/healthy") == .query)
        #expect(RouteClass.of(method: .get, path: "/no/such/page") == .query)
    }

    @Test func authorizationKeepsClassesApart() throws {
        let security = ListenerSecurity(tls: nil)
        var config = MeshScopeConfig()
        config.auth = AuthConfig(ingestTokens: ["in"], queryTokens: ["qu"])
        #expect(security.apply(config) == nil)
        #expect(security.authorize(.ingest, authorization: "Bearer in") == .allowed)
        #expect(security.authorize(.ingest, authorization: "bearer   in") == .allowed)
        #expect(security.authorize(.ingest, authorization: "Bearer qu") == .forbidden)
        #expect(security.authorize(.query, authorization: "Bearer in") == .forbidden)
        #expect(security.authorize(.query, authorization: "Bearer nope") == .invalid)
        #expect(security.authorize(.query, authorization: "Basic cXU=") == .missing)
        #expect(security.authorize(.query, authorization: nil) == .missing)
        #expect(security.authorize(.open, authorization: nil) == .allowed)
        #expect(security.counters.authFailures[AuthFailureKey(routeClass: "query", reason: "missing")] == 2)
        // Only ingest tokens: queries stay open.
        config.auth = AuthConfig(ingestTokens: ["in"])
        #expect(security.apply(config) == nil)
        #expect(security.authorize(.query, authorization: nil) == .allowed)
        #expect(security.authorize(.ingest, authorization: nil) == .missing)
    }
}
