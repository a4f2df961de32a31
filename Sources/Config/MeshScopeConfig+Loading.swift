import Foundation
import Yams

extension MeshScopeConfig {
    /// Reads and validates the file at `path`. Errors name `path` as given, so they
    /// point where the operator looks. With `expandEnv` (`--config.expand-env`),
    /// `${VAR}` and `${VAR:-default}` are replaced from `environment` first.
    public static func load(path: String, expandEnv: Bool = false,
                            environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(ConfigError) -> MeshScopeConfig {
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            throw ConfigError(file: path, line: 0, column: 0, path: "",
                              reason: "cannot read configuration file: \(String(cString: strerror(error.code.rawValue)))")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(file: path, line: 0, column: 0, path: "", reason: "file is not valid UTF-8")
        }
        guard expandEnv else { return try parse(yaml: text, source: path) }
        return try parse(yaml: EnvExpansion.expand(text, environment: environment, source: path), source: path)
    }

    /// Parses and validates a configuration document; `source` names it in errors.
    /// An empty document (or one holding only comments) yields every default.
    ///
    /// The document is composed into a Yams `Node` tree rather than decoded with
    /// `Decodable`, so that each error carries the line of the node at fault.
    public static func parse(yaml: String, source: String) throws(ConfigError) -> MeshScopeConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigError(yaml: error, file: source)
        }
        var config = MeshScopeConfig()
        guard let root else { return config }

        let document = ConfigNode(node: root, path: "", file: source)
        let map = try document.mapping(allowed: sectionTypes.map { $0.key })
        for type in sectionTypes {
            try type.load(from: map, into: &config)
        }
        return config
    }

    /// Plain POSIX reads: Foundation's errors on Linux say "The operation could
    /// not be completed" where errno says "No such file or directory".
    private static func readFile(_ path: String) throws(POSIXError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            bytes.append(contentsOf: buffer[..<count])
        }
    }
}
