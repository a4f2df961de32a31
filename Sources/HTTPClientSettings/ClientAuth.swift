import Foundation

/// Prometheus' HTTP client credentials, shared by `remote_write`, `span_forwarding` and
/// `scrape_configs`: `basic_auth` or `authorization` (for scrapes also the older
/// `bearer_token` / `bearer_token_file`, read as an `authorization`), at most one.
/// Decoded by the Config module; applied by the forwarders and the scrape loops.
public struct ClientAuth: Sendable, Hashable {
    public var basicAuth: BasicAuth?
    public var authorization: Authorization?

    public struct BasicAuth: Sendable, Hashable {
        public var username: String
        public var password: String?
        public var passwordFile: String?

        public init(username: String, password: String? = nil, passwordFile: String? = nil) {
            self.username = username
            self.password = password
            self.passwordFile = passwordFile
        }
    }

    /// `Authorization: <type> <credentials>`.
    public struct Authorization: Sendable, Hashable {
        public var type: String
        public var credentials: String?
        public var credentialsFile: String?

        public init(type: String = "Bearer", credentials: String? = nil, credentialsFile: String? = nil) {
            self.type = type
            self.credentials = credentials
            self.credentialsFile = credentialsFile
        }
    }

    public init(basicAuth: BasicAuth? = nil, authorization: Authorization? = nil) {
        self.basicAuth = basicAuth
        self.authorization = authorization
    }

    public var isEmpty: Bool { basicAuth == nil && authorization == nil }

    /// The `Authorization` header value, reading any credentials file now (files rotate).
    public func header() throws -> String? {
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

    static func readSecret(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
