import Config
import Logging
import Scrape

/// Holds the effective configuration and applies a re-read file: a bad file is rejected
/// with its line and reason and the running configuration stays as it was.
actor ConfigController {
    let path: String?
    /// `--config.expand-env`: reloads expand the environment as the first load did.
    let expandEnv: Bool
    private(set) var current: MeshScopeConfig
    private let discovery: TargetDiscovery
    private let overrides: @Sendable (MeshScopeConfig) throws(ConfigError) -> MeshScopeConfig
    private let logger: Logger
    /// Tokens, rate limit, TLS files and series limit (`ListenerSecuritySetup`); a message refuses the file.
    private var securityHook: (@Sendable (MeshScopeConfig) async -> String?)?

    func setSecurityHook(_ hook: @escaping @Sendable (MeshScopeConfig) async -> String?) {
        securityHook = hook
    }

    init(path: String?, expandEnv: Bool = false, current: MeshScopeConfig, discovery: TargetDiscovery,
         overrides: @escaping @Sendable (MeshScopeConfig) throws(ConfigError) -> MeshScopeConfig, logger: Logger) {
        self.path = path
        self.expandEnv = expandEnv
        self.current = current
        self.discovery = discovery
        self.overrides = overrides
        self.logger = logger
    }

    var retentionMilliseconds: Int64 { current.storage.retention.milliseconds }

    /// Returns nil on success, else the reason the file was rejected.
    func reload() async -> String? {
        guard let path else {
            logger.info("reload requested; no config file, nothing to reload")
            return nil
        }
        let next: MeshScopeConfig
        do {
            next = try overrides(MeshScopeConfig.load(path: path, expandEnv: expandEnv))
        } catch {
            logger.error("config reload rejected; keeping the running config", metadata: ["error": "\(error)"])
            return error.description
        }
        if next.server.listen != current.server.listen || next.server.dataDir != current.server.dataDir {
            logger.warning("server.listen and server.data_dir changes need a restart")
        }
        if next.global.externalLabels != current.global.externalLabels {
            logger.warning("global.external_labels changes apply to /federate after a restart")
        }
        if next.storage.durability != current.storage.durability {
            logger.warning("storage.durability changes need a restart")
        }
        // The trace store is opened with these; its retention is read at every run.
        if next.traces.autocompleteKeys != current.traces.autocompleteKeys
            || next.traces.strictTraceId != current.traces.strictTraceId {
            logger.warning("traces.autocomplete_keys and traces.strict_trace_id changes need a restart")
        }
        // The forwarding queues and their observers are set up once, at start.
        if next.remoteWrite != current.remoteWrite || next.spanForwarding != current.spanForwarding
            || next.logForwarding != current.logForwarding {
            logger.warning("remote_write, span_forwarding and log_forwarding changes need a restart; the running queues keep going")
        }
        if let failure = await securityHook?(next) {
            logger.error("config reload rejected; keeping the running config", metadata: ["error": "\(failure)"])
            return failure
        }
        current = next
        await discovery.apply(next)
        logger.notice("config reloaded", metadata: ["file": "\(path)", "jobs": "\(next.scrapeConfigs.count)"])
        return nil
    }
}
