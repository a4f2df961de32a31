import Foundation
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
    public var basicAuth: BasicAuth?
    public var authorization: Authorization?

    public struct BasicAuth: Sendable, Hashable {
        public var username: String
        public var password: String?
        public var passwordFile: String?
    }

    /// Prometheus' `authorization`: `Authorization: <type> <credentials>`.
    public struct Authorization: Sendable, Hashable {
        public var type: String
        public var credentials: String?
        public var credentialsFile: String?
    }

    static let keys = ["url", "name", "remote_timeout", "headers", "basic_auth", "authorization"]
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
        if let value = map["basic_auth"] {
            let auth = try value.mapping(allowed: ["username", "password", "password_file"])
            guard let user = auth["username"] else { throw auth.missing("username") }
            endpoint.basicAuth = BasicAuth(username: try user.string(), password: try auth["password"]?.string(),
                                           passwordFile: try auth["password_file"]?.string())
            if endpoint.basicAuth?.password != nil && endpoint.basicAuth?.passwordFile != nil {
                throw value.error("at most one of password and password_file may be set")
            }
        }
        if let value = map["authorization"] {
            let auth = try value.mapping(allowed: ["type", "credentials", "credentials_file"])
            endpoint.authorization = Authorization(type: try auth["type"]?.nonEmptyString() ?? "Bearer",
                                                   credentials: try auth["credentials"]?.string(),
                                                   credentialsFile: try auth["credentials_file"]?.string())
            if endpoint.authorization?.credentials != nil && endpoint.authorization?.credentialsFile != nil {
                throw value.error("at most one of credentials and credentials_file may be set")
            }
            if endpoint.basicAuth != nil { throw value.error("at most one of basic_auth and authorization may be set") }
        }
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
        if let basicAuth {
            let password = try basicAuth.passwordFile.map(Self.readSecret) ?? basicAuth.password ?? ""
            return "Basic " + Data("\(basicAuth.username):\(password)".utf8).base64EncodedString()
        }
        if let authorization {
            let credentials = try authorization.credentialsFile.map(Self.readSecret) ?? authorization.credentials ?? ""
            return "\(authorization.type) \(credentials)"
        }
        return nil
    }

    private static func readSecret(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Secrets are shown as `<secret>`, as Prometheus' `/api/v1/status/config` does.
    var yamlPairs: [(String, Node)] {
        var pairs: [(String, Node)] = [("url", .text(url)), ("name", .text(name)), ("remote_timeout", .duration(remoteTimeout))]
        if !headers.isEmpty { pairs.append(("headers", .section(headers.keys.sorted().map { ($0, .text(headers[$0] ?? "")) }))) }
        if let basicAuth {
            var auth: [(String, Node)] = [("username", .text(basicAuth.username))]
            if basicAuth.password != nil { auth.append(("password", .text("<secret>"))) }
            if let file = basicAuth.passwordFile { auth.append(("password_file", .text(file))) }
            pairs.append(("basic_auth", .section(auth)))
        }
        if let authorization {
            var auth: [(String, Node)] = [("type", .text(authorization.type))]
            if authorization.credentials != nil { auth.append(("credentials", .text("<secret>"))) }
            if let file = authorization.credentialsFile { auth.append(("credentials_file", .text(file))) }
            pairs.append(("authorization", .section(auth)))
        }
        return pairs
    }
}
