import Foundation
import Yams

/// `kubernetes_sd_configs` entries, checked at load time so a typo (an unsupported
/// role, a bad URL) fails the file with its line instead of a discovery that never works.
extension KubernetesSDConfig {
    static let keys = [
        "role", "api_server", "namespaces", "selectors", "bearer_token_file", "tls_config", "refresh_interval",
    ]

    static func decodeList(_ node: ConfigNode) throws(ConfigError) -> [KubernetesSDConfig] {
        var configs: [KubernetesSDConfig] = []
        for element in try node.list() { configs.append(try decode(element)) }
        return configs
    }

    static func decode(_ node: ConfigNode) throws(ConfigError) -> KubernetesSDConfig {
        let map = try node.mapping(allowed: keys)
        guard let roleNode = map["role"] else { throw map.missing("role") }
        var config = KubernetesSDConfig(role: try decodeRole(roleNode))
        if let value = map["api_server"] {
            let url = try value.nonEmptyString()
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""),
                  let host = parsed.host, !host.isEmpty else {
                throw value.error("\"\(url)\" is not a valid API server URL: expected http(s)://host[:port]")
            }
            config.apiServer = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let value = map["namespaces"] {
            let namespaces = try value.mapping(allowed: ["names", "own_namespace"])
            if let names = namespaces["names"] {
                for element in try names.list() { config.namespaces.append(try element.nonEmptyString()) }
            }
            if let own = namespaces["own_namespace"] { config.ownNamespace = try own.bool() }
        }
        if let value = map["selectors"] {
            for element in try value.list() { config.selectors.append(try decodeSelector(element, entryRole: config.role)) }
        }
        if let value = map["bearer_token_file"] { config.bearerTokenFile = try value.nonEmptyString() }
        if let value = map["tls_config"] {
            let tls = try value.mapping(allowed: ["ca_file", "insecure_skip_verify"])
            if let ca = tls["ca_file"] { config.caFile = try ca.nonEmptyString() }
            if let skip = tls["insecure_skip_verify"] { config.insecureSkipVerify = try skip.bool() }
        }
        if let value = map["refresh_interval"] {
            config.refreshInterval = try value.duration()
            if config.refreshInterval == .zero { throw value.error("must be greater than 0s") }
        }
        return config
    }

    /// Prometheus' roles are named so the message says what exists and what works here.
    private static func decodeRole(_ node: ConfigNode) throws(ConfigError) -> Role {
        let name = try node.string()
        if let role = Role(rawValue: name), role != .service { return role }
        if ["node", "service", "endpointslice", "ingress"].contains(name) {
            throw node.error("role \"\(name)\" is not supported; only pod and endpoints")
        }
        throw node.error("unknown role \"\(name)\"; pod and endpoints are supported")
    }

    /// Prometheus' rule: a selector names the role whose list it narrows, one the entry
    /// reads (`pod` for a pod entry; `endpoints`, `service` or `pod` for an endpoints one).
    private static func decodeSelector(_ node: ConfigNode, entryRole: Role) throws(ConfigError) -> Selector {
        let map = try node.mapping(allowed: ["role", "label", "field"])
        var role = entryRole
        if let roleNode = map["role"] {
            let name = try roleNode.string()
            let allowed: [Role] = entryRole == .endpoints ? [.endpoints, .service, .pod] : [.pod]
            guard let named = Role(rawValue: name), allowed.contains(named) else {
                throw roleNode.error("selector role \"\(name)\" is not read by a \(entryRole.rawValue) entry; use "
                    + allowed.map(\.rawValue).joined(separator: ", "))
            }
            role = named
        }
        return Selector(role: role, label: try map["label"]?.string() ?? "", field: try map["field"]?.string() ?? "")
    }

    var yamlNode: Node {
        var pairs: [(String, Node)] = [("role", .text(role.rawValue))]
        if let apiServer { pairs.append(("api_server", .text(apiServer))) }
        pairs.append(("namespaces", .section([
            ("names", .list(namespaces.map(Node.text))), ("own_namespace", .flag(ownNamespace)),
        ])))
        if !selectors.isEmpty {
            pairs.append(("selectors", .list(selectors.map { selector in
                .section([("role", .text(selector.role.rawValue)), ("label", .text(selector.label)),
                          ("field", .text(selector.field))])
            })))
        }
        pairs.append(("bearer_token_file", .text(bearerTokenFile ?? KubernetesSDConfig.defaultBearerTokenFile)))
        pairs.append(("tls_config", .section([
            ("ca_file", .text(caFile ?? KubernetesSDConfig.defaultCAFile)),
            ("insecure_skip_verify", .flag(insecureSkipVerify)),
        ])))
        pairs.append(("refresh_interval", .duration(refreshInterval)))
        return .section(pairs)
    }
}
