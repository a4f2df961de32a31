extension Router {
    /// Envoy's `prefix_rewrite` as Istio configures it: the part of the path the route
    /// matched is replaced (all of it for an exact match, the prefix for a prefix match,
    /// just the leading `/` otherwise). The query string is kept.
    static func rewrite(_ path: String, matched: StringMatch?, to replacement: String) -> String {
        let split = path.firstIndex(of: "?")
        let pathOnly = split.map { String(path[..<$0]) } ?? path
        let query = split.map { String(path[$0...]) } ?? ""
        let rewritten: String
        switch matched {
        case .exact?:
            rewritten = replacement
        case .prefix(let prefix)? where pathOnly.lowercased().hasPrefix(prefix.lowercased()):
            rewritten = replacement + pathOnly.dropFirst(prefix.count)
        default:
            rewritten = replacement + pathOnly.dropFirst(pathOnly.hasPrefix("/") ? 1 : 0)
        }
        return rewritten + query
    }

    /// The `Location` of a redirect: the whole path replaced (query kept unless the new
    /// URI has its own), authority, scheme and port replaced where configured.
    static func location(_ redirect: HTTPRedirect, _ request: RouteRequest) -> String {
        let scheme = redirect.scheme ?? request.scheme
        var authority = redirect.authority ?? request.authority
        if let port = redirect.port {
            authority = HostName.normalize(authority) + ":\(port)"
        }
        var path = String(request.pathOnly)
        var query = request.query.map { "?\($0)" } ?? ""
        if let uri = redirect.uri {
            if let mark = uri.firstIndex(of: "?") {
                path = String(uri[..<mark])
                query = String(uri[mark...])
            } else {
                path = uri
            }
        }
        return "\(scheme)://\(authority)\(path)\(query)"
    }
}
