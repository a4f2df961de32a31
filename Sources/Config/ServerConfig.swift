import MeshMetrics
import Yams

/// The `server` section. Command-line flags override both keys
/// (`MeshScopeConfig.overriding(listen:dataDir:retention:)`).
public struct ServerConfig: Sendable, Hashable {
    /// Loopback by default: exposing the API is a decision, not an accident.
    public static let defaultListen = "127.0.0.1:9098"
    public static let defaultDataDir = "./data"

    /// `host:port` to serve HTTP on; `:9098` means every interface, port 0 any free port.
    public var listen: String
    /// Directory holding the database; relative paths are relative to the working directory.
    public var dataDir: String
    /// Origins whose browser pages may read the APIs (`/api/v1`, `/api/v2`), fully
    /// anchored, as Prometheus' `--web.cors.origin` (default `.*`: any).
    public var corsOrigin = ServerConfig.defaultCORSOrigin

    public static let defaultCORSOrigin = try! RelabelRegex(".*")

    public init(listen: String = ServerConfig.defaultListen, dataDir: String = ServerConfig.defaultDataDir) {
        self.listen = listen
        self.dataDir = dataDir
    }

    /// `listen` split into host and port; nil only if `listen` was set in code to
    /// something invalid, since loading validates it.
    public var listenAddress: HostPort? {
        HostPort(parsing: listen, listening: true)
    }
}

extension ServerConfig: ConfigSection {
    static let key = "server"

    init() {
        self.init(listen: Self.defaultListen)
    }

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> ServerConfig {
        let map = try node.mapping(allowed: ["listen", "data_dir", "cors_origin"])
        var server = ServerConfig()
        if let value = map["listen"] {
            server.listen = try value.string()
            if let problem = validateListen(server.listen) { throw value.error(problem) }
        }
        if let value = map["data_dir"] {
            server.dataDir = try value.nonEmptyString()
        }
        if let value = map["cors_origin"] {
            let source = try value.string()
            do {
                server.corsOrigin = try RelabelRegex(source)
            } catch {
                throw value.error("invalid cors_origin regular expression \"\(source)\"")
            }
        }
        return server
    }

    /// Shared with the command-line override, which has no YAML node to point at.
    static func validateListen(_ listen: String) -> String? {
        HostPort(parsing: listen, listening: true) == nil
            ? "\"\(listen)\" is not a valid listen address: expected host:port, such as 127.0.0.1:9098 or :9098"
            : nil
    }

    var yamlNode: Node {
        .section([
            ("listen", .text(listen)),
            ("data_dir", .text(dataDir)),
            ("cors_origin", .text(corsOrigin.source)),
        ])
    }
}

extension MeshScopeConfig {
    /// The `server` section.
    public var server: ServerConfig {
        get { self[section: ServerConfig.self] }
        set { self[section: ServerConfig.self] = newValue }
    }
}
