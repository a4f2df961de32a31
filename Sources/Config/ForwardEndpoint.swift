import Foundation
import HTTPClientSettings
import MeshMetrics
import Yams

/// What `remote_write` and `span_forwarding` entries share: where to send, as whom,
/// with which extra headers and timeout.
public struct ForwardEndpoint: Sendable, Hashable {
    /// Names the on-disk queue (`<data-dir>/outbox/<signal>-<name>.db`) and the metrics'
    /// `destination` label. Defaults to a hash of the URL, stable across restarts.
    public var name: String
    public var url: String
    public var remoteTimeout: PromDuration
    /// Extra request headers, e.g. `X-Scope-OrgID` for Mimir or Cortex tenants.
    public var headers: [String: String]
    /// `basic_auth` or `authorization`.
    public var auth = ClientAuth()

    static let keys = ["url", "name", "remote_timeout", "headers"] + ClientAuth.keys
    /// Set by the protocol or by `basic_auth`/`authorization`, as Prometheus refuses them in `headers`.
    static let reservedHeaders: Set<String> = [
        "authorization", "host", "content-encoding", "content-type", "content-length", "user-agent",
        "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "www-authenticate",
        "x-prometheus-remote-write-version", "transfer-encoding", "upgrade",
    ]

    static func decode(_ map: ConfigMapping) throws(ConfigError) -> ForwardEndpoint {
        guard let urlNode = map["url"] else { throw map.missing("url") }
        let url = try urlNode.nonEmptyString()
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              parsed.host?.isEmpty == false else {
            throw urlNode.error("\"\(url)\" is not an http or https URL")
        }
        var endpoint = ForwardEndpoint(name: Self.defaultName(url: url), url: url, remoteTimeout: .seconds(30), headers: [:])
        if let value = map["name"] {
            endpoint.name = try value.nonEmptyString()
            if !endpoint.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                throw value.error("\"\(endpoint.name)\" may only contain letters, digits, '_' and '-'")
            }
        }
        if let value = map["remote_timeout"] {
            endpoint.remoteTimeout = try value.duration()
            if endpoint.remoteTimeout == .zero { throw value.error("must be greater than 0s") }
        }
        if let value = map["headers"] {
            for entry in try ConfigMapping(value).entries {
                if reservedHeaders.contains(entry.name.lowercased()) {
                    throw entry.key.error("header \"\(entry.name)\" is set by MeshScope and cannot be overridden")
                }
                endpoint.headers[entry.name] = try entry.value.string()
            }
        }
        endpoint.auth = try ClientAuth.decode(map)
        return endpoint
    }

    /// `url` hashed: the same URL keeps its queue file when entries are reordered.
    static func defaultName(url: String) -> String {
        var hash = FNV1a()
        hash.add(url)
        return String(String(hash.value, radix: 16).suffix(8))
    }

    /// The `Authorization` header value, reading any credentials file now (files rotate).
    public func authorizationHeader() throws -> String? {
        try auth.header()
    }

    /// Secrets are shown as `<secret>`, as Prometheus' `/api/v1/status/config` does.
    var yamlPairs: [(String, Node)] {
        var pairs: [(String, Node)] = [("url", .text(url)), ("name", .text(name)), ("remote_timeout", .duration(remoteTimeout))]
        if !headers.isEmpty { pairs.append(("headers", .section(headers.keys.sorted().map { ($0, .text(headers[$0] ?? "")) }))) }
        pairs += auth.yamlPairs
        return pairs
    }
}
