import Foundation
import NIOCore
import NIOHTTP1

/// The header rewriting an HTTP/1.1 proxy owes each hop (RFC 9110 §7.6.1) plus Envoy's
/// own request headers.
enum HeaderRules {
    /// Connection-specific headers, never forwarded.
    static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "proxy-authenticate", "proxy-authorization",
    ]

    /// Removes hop-by-hop headers and those the `Connection` header names.
    static func removeHopByHop(_ headers: inout HTTPHeaders) {
        var named = hopByHop
        for value in headers["connection"] {
            for token in value.split(separator: ",") {
                named.insert(token.trimmingCharacters(in: .whitespaces).lowercased())
            }
        }
        for name in named { headers.remove(name: name) }
    }

    /// `x-request-id` as received, or a new UUID v4.
    static func requestID(_ headers: HTTPHeaders) -> String {
        if let id = headers.first(name: "x-request-id"), !id.isEmpty { return id }
        return UUID().uuidString.lowercased()
    }

    /// Appends the client's address to `x-forwarded-for`, as Envoy does at the edge of
    /// each hop.
    static func appendForwardedFor(_ headers: inout HTTPHeaders, remote: SocketAddress?) {
        guard let ip = remote?.ipAddress else { return }
        let existing = headers[canonicalForm: "x-forwarded-for"].map(String.init)
        headers.remove(name: "x-forwarded-for")
        headers.add(name: "x-forwarded-for", value: (existing + [ip]).joined(separator: ", "))
    }

    /// The tracing headers of a request, lowercased names.
    static func traceHeaders(_ headers: HTTPHeaders) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in headers where ObservedRequestStart.observedHeaderNames.contains(name.lowercased()) {
            out[name.lowercased()] = value
        }
        return out
    }

    /// Splits an absolute-form target (`http://host:port/path?q`) into authority and
    /// origin-form path; nil for origin-form targets.
    static func absoluteForm(_ uri: String) -> (authority: String, path: String)? {
        let lower = uri.prefix(8).lowercased()
        let schemeLength: Int
        if lower.hasPrefix("http://") {
            schemeLength = 7
        } else if lower.hasPrefix("https://") {
            schemeLength = 8
        } else {
            return nil
        }
        let rest = uri.dropFirst(schemeLength)
        let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = String(rest[..<end])
        var path = String(rest[end...])
        if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
        return authority.isEmpty ? nil : (authority, path)
    }

    /// Envoy's shadow host: `reviews:9080` becomes `reviews-shadow:9080`.
    static func shadowAuthority(_ authority: String) -> String {
        if !authority.hasPrefix("["), let colon = authority.lastIndex(of: ":") {
            return authority[..<colon] + "-shadow" + authority[colon...]
        }
        return authority + "-shadow"
    }
}
