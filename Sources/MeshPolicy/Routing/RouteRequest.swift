import Foundation

/// What routing needs to know about an HTTP request.
public struct RouteRequest: Sendable, Hashable {
    /// `Host` / `:authority`, maybe with a port.
    public var authority: String
    /// Path with its query string, as on the request line.
    public var path: String
    public var method: String
    /// Lowercased names; repeated headers joined with "," as HTTP allows.
    public var headers: [String: String]
    public var scheme: String

    public init(authority: String, path: String = "/", method: String = "GET", headers: [String: String] = [:],
                scheme: String = "http") {
        self.authority = authority
        self.path = path
        self.method = method
        var lowered: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            lowered[key] = lowered[key].map { "\($0),\(value)" } ?? value
        }
        self.headers = lowered
        self.scheme = scheme
    }

    /// The path without its query string.
    public var pathOnly: Substring {
        path.firstIndex(of: "?").map { path[..<$0] } ?? Substring(path)
    }

    /// The query string without `?`, or nil.
    public var query: Substring? {
        path.firstIndex(of: "?").map { path[path.index(after: $0)...] }
    }

    /// The first value of each query parameter, percent-decoded.
    public var queryParameters: [String: String] {
        guard let query else { return [:] }
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            if out[name] == nil { out[name] = parts.count > 1 ? Self.decode(parts[1]) : "" }
        }
        return out
    }

    /// The port in the authority, if any.
    public var authorityPort: Int? {
        guard let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") else { return nil }
        return Int(authority[authority.index(after: colon)...])
    }

    private static func decode(_ text: Substring) -> String {
        let plus = text.replacingOccurrences(of: "+", with: " ")
        return plus.removingPercentEncoding ?? plus
    }
}
