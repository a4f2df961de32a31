import HTTPClientSettings
import Yams

/// `basic_auth`, `authorization` and, for scrapes, `bearer_token(_file)` as Prometheus
/// reads them.
extension ClientAuth {
    static let keys = ["basic_auth", "authorization"]
    /// Scrape configs also take these, as Prometheus 2 still does.
    static let bearerKeys = ["bearer_token", "bearer_token_file"]

    static func decode(_ map: ConfigMapping, bearer: Bool = false) throws(ConfigError) -> ClientAuth {
        var auth = ClientAuth()
        var given: [String] = []
        if let value = map["basic_auth"] {
            let fields = try value.mapping(allowed: ["username", "password", "password_file"])
            guard let user = fields["username"] else { throw fields.missing("username") }
            auth.basicAuth = BasicAuth(username: try user.string(), password: try fields["password"]?.string(),
                                       passwordFile: try fields["password_file"]?.string())
            if auth.basicAuth?.password != nil && auth.basicAuth?.passwordFile != nil {
                throw value.error("at most one of password and password_file may be set")
            }
            given.append("basic_auth")
        }
        if let value = map["authorization"] {
            let fields = try value.mapping(allowed: ["type", "credentials", "credentials_file"])
            auth.authorization = Authorization(type: try fields["type"]?.nonEmptyString() ?? "Bearer",
                                               credentials: try fields["credentials"]?.string(),
                                               credentialsFile: try fields["credentials_file"]?.string())
            if auth.authorization?.credentials != nil && auth.authorization?.credentialsFile != nil {
                throw value.error("at most one of credentials and credentials_file may be set")
            }
            if auth.basicAuth != nil { throw value.error("at most one of basic_auth and authorization may be set") }
            given.append("authorization")
        }
        if bearer {
            for key in bearerKeys {
                guard let value = map[key] else { continue }
                if !given.isEmpty {
                    throw value.error("at most one of basic_auth, authorization, bearer_token and bearer_token_file may be set")
                }
                let text = try value.nonEmptyString()
                auth.authorization = key == "bearer_token"
                    ? Authorization(type: "Bearer", credentials: text) : Authorization(type: "Bearer", credentialsFile: text)
                given.append(key)
            }
        }
        return auth
    }

    /// Secrets are shown as `<secret>`, as Prometheus' `/api/v1/status/config` does.
    var yamlPairs: [(String, Node)] {
        var pairs: [(String, Node)] = []
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
