import Config
import Foundation
import Logging
import Synchronization

/// What both listeners enforce: bearer tokens per route class, the ingest rate limit and
/// TLS. One instance per `serve`, shared by the main and the Zipkin listener; `apply` is
/// called at start and on every reload.
public final class ListenerSecurity: Sendable {
    private struct State {
        var ingest = BearerTokens([])
        var query = BearerTokens([])
        var limiter = ClientRateLimiter(limit: IngestRateLimit())
        var counters = SecurityCounters()
    }

    private let state = Mutex(State())
    /// nil serves plain HTTP; chosen at start (turning TLS on or off needs a restart).
    public let tls: TLSContextStore?
    private let clock: @Sendable () -> Double

    /// Open, no limit, no TLS: what the demo and the tests of other features use.
    public static func open() -> ListenerSecurity { ListenerSecurity(tls: nil) }

    public init(tls: TLSContextStore?, clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.tls = tls
        self.clock = clock
    }

    /// Builds everything the configuration describes (TLS only when enabled) and applies it.
    public static func start(_ config: MeshScopeConfig, logger: Logger) throws -> ListenerSecurity {
        let tls = config.tls.isEnabled ? try TLSContextStore(config: config.tls, logger: logger) : nil
        let security = ListenerSecurity(tls: tls)
        let (ingest, query) = try loadTokens(config.auth)
        security.state.withLock {
            $0.ingest = ingest
            $0.query = query
            $0.limiter.update(config.limits.ingestRateLimit)
        }
        return security
    }

    /// Re-reads token files and the rate limit, and the TLS files if they changed.
    /// Returns an error message (and keeps the running tokens) when a token file is
    /// unusable. Unusable TLS files only log: the running certificate stays, and the rest
    /// of the reload applies.
    public func apply(_ config: MeshScopeConfig) -> String? {
        let ingest: BearerTokens
        let query: BearerTokens
        do {
            (ingest, query) = try Self.loadTokens(config.auth)
        } catch {
            return error.description
        }
        state.withLock {
            $0.ingest = ingest
            $0.query = query
            $0.limiter.update(config.limits.ingestRateLimit)
        }
        tls?.reloadIfChanged(config: config.tls)
        return nil
    }

    private static func loadTokens(_ auth: AuthConfig) throws(TokenFileError) -> (ingest: BearerTokens, query: BearerTokens) {
        (try BearerTokens.load(tokens: auth.ingestTokens, files: auth.ingestTokenFiles),
         try BearerTokens.load(tokens: auth.queryTokens, files: auth.queryTokenFiles))
    }

    /// The outcome for a request of `routeClass` carrying `authorization` (the header's value).
    func authorize(_ routeClass: RouteClass, authorization: String?) -> AuthDecision {
        if routeClass == .open || routeClass == .certificateAuthority { return .allowed }
        let (own, other) = state.withLock { s in
            routeClass == .ingest ? (s.ingest, s.query) : (s.query, s.ingest)
        }
        if own.isEmpty { return .allowed }
        guard let token = Self.bearerToken(authorization) else { return count(.missing, routeClass) }
        if own.contains(token) { return .allowed }
        // A valid token of the other class: known caller, wrong door.
        if other.contains(token) { return count(.forbidden, routeClass) }
        return count(.invalid, routeClass)
    }

    /// Takes a token from the client's bucket (ingest only).
    func admit(_ routeClass: RouteClass, client: String?) -> TokenBucketDecision {
        guard routeClass == .ingest else { return .allowed }
        let now = clock()
        return state.withLock { s in
            let decision = s.limiter.take(client: client ?? "unknown", now: now)
            if case .limited = decision { s.counters.rateLimited[routeClass.rawValue, default: 0] += 1 }
            return decision
        }
    }

    var counters: SecurityCounters { state.withLock { $0.counters } }

    private func count(_ decision: AuthDecision, _ routeClass: RouteClass) -> AuthDecision {
        state.withLock { $0.counters.authFailures[AuthFailureKey(routeClass: routeClass.rawValue, reason: decision.reason), default: 0] += 1 }
        return decision
    }

    /// `Bearer <token>`, scheme case-insensitive (RFC 7235); anything else is no token.
    static func bearerToken(_ header: String?) -> Substring.UTF8View? {
        guard let header else { return nil }
        let trimmed = header.drop { $0 == " " }
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = trimmed.dropFirst(7).drop { $0 == " " }
        return token.isEmpty ? nil : token.utf8
    }
}
