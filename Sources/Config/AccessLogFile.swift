import Yams

/// One entry of `access_logs`: a proxy's access-log file for the collector to follow.
public struct AccessLogFile: Sendable, Hashable {
    /// The file, as the proxy writes it; rotation by rename or truncation is followed.
    public var path: String
    /// The service whose proxy writes the file: records that name no destination of
    /// their own (Envoy's default format, an `inbound|...` cluster) are attributed to it.
    public var service: String?

    public init(path: String, service: String? = nil) {
        self.path = path
        self.service = service
    }

    static func decode(_ node: ConfigNode) throws(ConfigError) -> AccessLogFile {
        let map = try node.mapping(allowed: ["path", "service"])
        guard let pathNode = map["path"] else { throw map.missing("path") }
        let path = try pathNode.string()
        if path.isEmpty { throw pathNode.error("must not be empty") }
        var file = AccessLogFile(path: path)
        if let value = map["service"] {
            let service = try value.string()
            if service.isEmpty { throw value.error("must not be empty") }
            file.service = service
        }
        return file
    }

    var yamlNode: Node {
        .section([("path", .text(path))] + (service.map { [("service", Node.text($0))] } ?? []))
    }
}

/// The `access_logs` list as a section: each file at most once.
struct AccessLogFilesSection: ConfigSection {
    static let key = "access_logs"

    var files: [AccessLogFile] = []

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> AccessLogFilesSection {
        var section = AccessLogFilesSection()
        for element in try node.list() {
            let file = try AccessLogFile.decode(element)
            if section.files.contains(where: { $0.path == file.path }) {
                throw element.error("access log \"\(file.path)\" is listed twice")
            }
            section.files.append(file)
        }
        return section
    }

    var yamlNode: Node {
        .list(files.map(\.yamlNode))
    }
}

extension MeshScopeConfig {
    /// Access-log files to follow, in file order.
    public var accessLogs: [AccessLogFile] {
        get { self[section: AccessLogFilesSection.self].files }
        set { self[section: AccessLogFilesSection.self].files = newValue }
    }
}
