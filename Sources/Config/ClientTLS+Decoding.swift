import HTTPClientSettings
import Yams

/// `tls_config` as Prometheus reads it.
extension ClientTLS {
    static func decode(_ node: ConfigNode) throws(ConfigError) -> ClientTLS {
        let map = try node.mapping(allowed: ["ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify"])
        var tls = ClientTLS()
        tls.caFile = try map["ca_file"]?.nonEmptyString()
        tls.certFile = try map["cert_file"]?.nonEmptyString()
        tls.keyFile = try map["key_file"]?.nonEmptyString()
        if let value = map["server_name"] {
            // The HTTP client verifies the name in the target's URL; another cannot be named.
            throw value.error("server_name is not supported: scrape the target by a name its certificate carries")
        }
        if let value = map["insecure_skip_verify"] { tls.insecureSkipVerify = try value.bool() }
        if (tls.certFile == nil) != (tls.keyFile == nil) {
            throw node.error("cert_file and key_file must be set together")
        }
        return tls
    }

    var yamlNode: Node {
        var pairs: [(String, Node)] = []
        if let caFile { pairs.append(("ca_file", .text(caFile))) }
        if let certFile { pairs.append(("cert_file", .text(certFile))) }
        if let keyFile { pairs.append(("key_file", .text(keyFile))) }
        pairs.append(("insecure_skip_verify", .flag(insecureSkipVerify)))
        return .section(pairs)
    }
}
