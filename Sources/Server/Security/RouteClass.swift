import Hummingbird

/// Which token a request needs. Decided from the method and the raw path before routing,
/// so an unknown path is a query (it needs the query token to learn that it is a 404).
public enum RouteClass: String, Sendable, CaseIterable {
    /// Stores data: `POST /api/v2/spans`, `POST /api/v1/logs`.
    case ingest
    /// Reads or administers: the APIs, `/federate`, `/metrics`, web pages, `/-/reload`.
    case query
    /// Probes: `/-/healthy`, `/-/ready` and the Zipkin listener's `/health`.
    case open
    /// The certificate authority (`/api/v1/ca/*`): sidecars call it with the CA's own
    /// bootstrap token, which the CA checks itself; query and ingest tokens do not apply.
    case certificateAuthority = "ca"

    /// The POST routes that store data. Any new ingest route must be added here; the
    /// end-to-end auth test compares this list with the router's routes.
    public static let ingestRoutes: [(method: HTTPRequest.Method, path: String)] = [
        (.post, "/api/v2/spans"),
        (.post, "/api/v1/logs"),
    ]

    public static let openPaths: Set<String> = ["/-/healthy", "/-/ready", "/health"]
    public static let certificateAuthorityPrefix = "/api/v1/ca/"

    public static func of(method: HTTPRequest.Method, path: String) -> RouteClass {
        let path = normalized(path)
        if openPaths.contains(path) && (method == .get || method == .head) { return .open }
        if path.hasPrefix(certificateAuthorityPrefix) { return .certificateAuthority }
        if ingestRoutes.contains(where: { $0.method == method && $0.path == path }) { return .ingest }
        return .query
    }

    /// Hummingbird matches `/api/v2/spans/` like `/api/v2/spans`: classify it alike, so a
    /// trailing slash cannot move an ingest request into the query class or vice versa.
    static func normalized(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
