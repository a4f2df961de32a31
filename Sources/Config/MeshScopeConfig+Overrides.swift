extension MeshScopeConfig {
    /// The source name of errors about command-line values.
    public static let commandLineSource = "command line"

    /// A copy with command-line flags applied; nil leaves the file's (or default)
    /// value. Flags win over the file, so one config can serve several instances.
    /// Values are validated like their keys in the file, with errors naming the key
    /// they override (`command line: server.listen: ...`).
    public func overriding(
        listen: String? = nil,
        dataDir: String? = nil,
        retention: PromDuration? = nil
    ) throws(ConfigError) -> MeshScopeConfig {
        var copy = self
        if let listen {
            if let problem = ServerConfig.validateListen(listen) {
                throw Self.commandLineError("server.listen", problem)
            }
            copy.server.listen = listen
        }
        if let dataDir {
            if dataDir.isEmpty { throw Self.commandLineError("server.data_dir", "must not be empty") }
            copy.server.dataDir = dataDir
        }
        if let retention {
            if retention == .zero { throw Self.commandLineError("storage.retention", "must be greater than 0s") }
            copy.storage.retention = retention
        }
        return copy
    }

    /// Same as `overriding(listen:dataDir:retention:)` with the retention still
    /// in its flag form (`--retention 30d`).
    public func overriding(
        listen: String? = nil,
        dataDir: String? = nil,
        retention: String
    ) throws(ConfigError) -> MeshScopeConfig {
        let parsed: PromDuration
        do {
            parsed = try PromDuration(parsing: retention)
        } catch {
            throw Self.commandLineError("storage.retention", error.description)
        }
        return try overriding(listen: listen, dataDir: dataDir, retention: parsed)
    }

    private static func commandLineError(_ path: String, _ reason: String) -> ConfigError {
        ConfigError(file: commandLineSource, line: 0, column: 0, path: path, reason: reason)
    }
}
