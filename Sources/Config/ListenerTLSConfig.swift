import Yams

/// The `tls` section: HTTPS on the collector's listeners (main and Zipkin). Both files
/// set turn TLS on; the files are re-read when they change (checked on reload and every
/// `reload_interval`), so a renewed certificate needs no restart.
public struct ListenerTLSConfig: Sendable, Hashable {
    public static let defaultReloadInterval = PromDuration.seconds(10)

    /// PEM certificate chain, leaf first; empty means plain HTTP.
    public var certFile: String
    /// PEM private key of the leaf certificate.
    public var keyFile: String
    /// PEM CA bundle; when set, clients must present a certificate it signed (mutual TLS).
    public var clientCAFile: String
    /// How often the files' modification times are checked.
    public var reloadInterval: PromDuration

    public init(certFile: String = "", keyFile: String = "", clientCAFile: String = "",
                reloadInterval: PromDuration = ListenerTLSConfig.defaultReloadInterval) {
        self.certFile = certFile
        self.keyFile = keyFile
        self.clientCAFile = clientCAFile
        self.reloadInterval = reloadInterval
    }

    public var isEnabled: Bool { !certFile.isEmpty }
}

extension ListenerTLSConfig: ConfigSection {
    static let key = "tls"

    init() {
        self.init(certFile: "")
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> ListenerTLSConfig {
        let map = try node.mapping(allowed: ["cert_file", "key_file", "client_ca_file", "reload_interval"])
        var tls = ListenerTLSConfig()
        if let value = map["cert_file"] { tls.certFile = try value.string() }
        if let value = map["key_file"] { tls.keyFile = try value.string() }
        if let value = map["client_ca_file"] { tls.clientCAFile = try value.string() }
        if let value = map["reload_interval"] {
            tls.reloadInterval = try value.duration()
            if tls.reloadInterval == .zero { throw value.error("must be greater than 0s") }
        }
        // Half a key pair is a mistake, not a request for plain HTTP.
        if tls.certFile.isEmpty != tls.keyFile.isEmpty {
            throw map.node.error("cert_file and key_file must be set together")
        }
        if !tls.clientCAFile.isEmpty && tls.certFile.isEmpty {
            throw map.node.error("client_ca_file needs cert_file and key_file")
        }
        return tls
    }

    var yamlNode: Node {
        .section([
            ("cert_file", .text(certFile)),
            ("key_file", .text(keyFile)),
            ("client_ca_file", .text(clientCAFile)),
            ("reload_interval", .duration(reloadInterval)),
        ])
    }
}

extension MeshScopeConfig {
    /// The `tls` section (the collector's own listeners).
    public var tls: ListenerTLSConfig {
        get { self[section: ListenerTLSConfig.self] }
        set { self[section: ListenerTLSConfig.self] = newValue }
    }
}
