import Yams

/// The `auth` section: bearer tokens for the HTTP listeners. Two classes of caller:
/// ingest (`POST /api/v2/spans`, `POST /api/v1/logs`) and query (every other route but
/// `/-/healthy` and `/-/ready`). A class with no token at all is open, as before this
/// section existed. Several tokens per class allow rotation; files are re-read on reload.
public struct AuthConfig: Sendable, Hashable {
    public var ingestTokens: [String]
    public var ingestTokenFiles: [String]
    public var queryTokens: [String]
    public var queryTokenFiles: [String]

    public init(ingestTokens: [String] = [], ingestTokenFiles: [String] = [],
                queryTokens: [String] = [], queryTokenFiles: [String] = []) {
        self.ingestTokens = ingestTokens
        self.ingestTokenFiles = ingestTokenFiles
        self.queryTokens = queryTokens
        self.queryTokenFiles = queryTokenFiles
    }

    /// True when neither class is protected: today's open behaviour.
    public var isOpen: Bool {
        ingestTokens.isEmpty && ingestTokenFiles.isEmpty && queryTokens.isEmpty && queryTokenFiles.isEmpty
    }
}

extension AuthConfig: ConfigSection {
    static let key = "auth"

    init() {
        self.init(ingestTokens: [])
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> AuthConfig {
        let map = try node.mapping(allowed: ["ingest_tokens", "ingest_token_files", "query_tokens", "query_token_files"])
        var auth = AuthConfig()
        auth.ingestTokens = try tokens(map["ingest_tokens"])
        auth.ingestTokenFiles = try files(map["ingest_token_files"])
        auth.queryTokens = try tokens(map["query_tokens"])
        auth.queryTokenFiles = try files(map["query_token_files"])
        return auth
    }

    /// A token is sent in a header, so it must be a visible-ASCII word (RFC 6750's token68
    /// is narrower; this refuses only what could never arrive intact).
    private static func tokens(_ node: ConfigNode?) throws(ConfigError) -> [String] {
        guard let node else { return [] }
        var out: [String] = []
        for element in try node.list() {
            let token = try element.nonEmptyString()
            if !token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) {
                throw element.error("tokens may only contain visible ASCII characters (no spaces)")
            }
            out.append(token)
        }
        return out
    }

    private static func files(_ node: ConfigNode?) throws(ConfigError) -> [String] {
        guard let node else { return [] }
        var out: [String] = []
        for element in try node.list() { out.append(try element.nonEmptyString()) }
        return out
    }

    /// Tokens are shown as `<secret>`, file paths as they are.
    var yamlNode: Node {
        .section([
            ("ingest_tokens", .list(ingestTokens.map { _ in .text("<secret>") })),
            ("ingest_token_files", .list(ingestTokenFiles.map { .text($0) })),
            ("query_tokens", .list(queryTokens.map { _ in .text("<secret>") })),
            ("query_token_files", .list(queryTokenFiles.map { .text($0) })),
        ])
    }
}

extension MeshScopeConfig {
    /// The `auth` section.
    public var auth: AuthConfig {
        get { self[section: AuthConfig.self] }
        set { self[section: AuthConfig.self] = newValue }
    }
}
