import ArgumentParser
import AsyncHTTPClient
import Config
import Foundation
import Logging
import Scrape
import Server
import ServiceLifecycle
import Storage
import UnixSignals

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the collector: scraping, storage, exposition and query endpoints.",
        discussion: "Without --config nothing is scraped; MeshScope stores only what is sent to it. SIGHUP or POST /-/reload re-reads the config file.")

    @Option(help: "Data directory (one SQLite file per signal). Default: ./data")
    var dataDir: String?

    @Option(help: "HTTP listen address host:port; port 0 picks a free port. Default: 127.0.0.1:9098")
    var listen: String?

    @Option(help: "Zipkin-compatible listener (the /api/v2 routes only) host:port; port 0 picks a free port, off disables it. Default: 127.0.0.1:9411")
    var zipkinListen: String = ZipkinListen.defaultAddress

    @Option(help: "YAML configuration file (see Deploy/config/meshscope.yaml).")
    var config: String?

    @Flag(name: .customLong("config.expand-env"),
          help: "Replace ${VAR} and ${VAR:-default} in the config file with environment variables ($$ is a literal $), also on reload.")
    var configExpandEnv = false

    @Option(help: "How long to keep data, Prometheus duration syntax (15d, 2y, 5000d). Default: 15d")
    var retention: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        // Reject bad values before touching the disk, with the same messages as the file.
        do {
            _ = try flagOverrides(MeshScopeConfig())
        } catch {
            throw ValidationError(error.description)
        }
        if case .invalid(let reason) = ZipkinListen(zipkinListen) { throw ValidationError(reason) }
    }

    func run() async throws {
        LogSetup.bootstrap(level: logLevel)
        let logger = Logger(label: "meshscope")
        let settings: MeshScopeConfig
        do {
            settings = try flagOverrides(config.map { try MeshScopeConfig.load(path: $0, expandEnv: configExpandEnv) } ?? MeshScopeConfig())
        } catch {
            throw CommandFailure.fail("\(error)")
        }
        let lock: DataDirectoryLock
        let store: MetricsStore
        let traces: TraceStore
        let logs: LogStore
        do {
            lock = try DataDirectoryLock(directory: settings.server.dataDir)
            store = try MetricsStore(directory: settings.server.dataDir,
                                     durability: settings.storage.durability == .full ? .full : .normal,
                                     logger: Logger(label: "meshscope.storage"), maxBytes: settings.storage.maxBytes)
            traces = try TraceStore(directory: settings.server.dataDir,
                                    durability: settings.storage.durability == .full ? .full : .normal,
                                    options: TraceStoreOptions(strictTraceId: settings.traces.strictTraceId,
                                                               autocompleteKeys: settings.traces.autocompleteKeys),
                                    logger: Logger(label: "meshscope.storage.traces"), maxBytes: settings.storage.maxBytes)
            logs = try LogStore(directory: settings.server.dataDir,
                                durability: settings.storage.durability == .full ? .full : .normal,
                                logger: Logger(label: "meshscope.storage.logs"), maxBytes: settings.storage.maxBytes)
        } catch {
            throw CommandFailure.fail("\(error)")
        }
        guard let address = HostPort(parsing: settings.server.listen, listening: true) else {
            throw CommandFailure.fail("invalid listen address \(settings.server.listen)", code: 2)
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let forwarding: Forwarding
        do {
            forwarding = try Forwarding.start(settings, store: store, traces: traces, logs: logs,
                                              logger: Logger(label: "meshscope.forward"))
        } catch {
            throw CommandFailure.fail("cannot open the forwarding queues: \(error)")
        }
        try CertificateAuthoritySetup.start(settings, logger: Logger(label: "meshscope.ca"))
        let scrapes = ScrapeManager(store: store, client: client, userAgent: "MeshScope/\(MeshScope.version)",
                                    logger: Logger(label: "meshscope.scrape"))
        let discovery = TargetDiscovery(scrapes: scrapes, logger: Logger(label: "meshscope.discovery"))
        let controller = ConfigController(path: config, expandEnv: configExpandEnv, current: settings,
                                          discovery: discovery, overrides: flagOverrides, logger: logger)
        await discovery.apply(settings)
        let securityLogger = Logger(label: "meshscope.security")
        let security = try await ListenerSecuritySetup.start(settings, store: store, logger: securityLogger)
        await controller.setSecurityHook(ListenerSecuritySetup.reloadHook(security, store: store, logger: securityLogger))

        var context = ServerContext(store: store, scrapes: scrapes, version: MeshScope.version,
                                    externalLabels: settings.global.externalLabels, traces: traces, logs: logs,
                                    config: { await controller.current },
                                    reload: { await controller.reload() })
        context.forwarding = forwarding.channels
        context.discoveryStatistics = { await discovery.statistics() }
        let app = MeshScopeServer.application(context, host: address.host, port: address.port,
                                              logger: Logger(label: "meshscope.http"), security: security)
        let retentionLogger = Logger(label: "meshscope.retention")
        let retention = RetentionService(signal: "metrics", logger: retentionLogger,
                                         retentionMilliseconds: { await controller.retentionMilliseconds },
                                         apply: { cutoff in try await store.applyRetention(cutoff: cutoff) })
        let traceRetention = RetentionService(
            signal: "traces", logger: retentionLogger,
            retentionMilliseconds: { await controller.current.traces.retention.milliseconds },
            apply: { cutoff in
                let deleted = try await traces.applyRetention(cutoffMicros: RetentionService.micros(cutoff)).spansDeleted
                if deleted > 0 { retentionLogger.info("trace retention applied", metadata: ["spans_deleted": "\(deleted)"]) }
            })
        let logRetention = RetentionService(
            signal: "logs", logger: retentionLogger,
            retentionMilliseconds: { await controller.current.logs.retention.milliseconds },
            apply: { cutoff in
                let deleted = try await logs.applyRetention(cutoffMicros: RetentionService.micros(cutoff)).recordsDeleted
                if deleted > 0 { retentionLogger.info("log retention applied", metadata: ["records_deleted": "\(deleted)"]) }
            })
        let logsLogger = Logger(label: "meshscope.logs")
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: app), .init(service: retention), .init(service: traceRetention), .init(service: logRetention),
            .init(service: FullTextIndexService(logs: logs, logger: logsLogger)),
            .init(service: AccessLogTailService(logs: logs, logger: logsLogger) { await controller.current.accessLogs }),
        ]
        services += forwarding.services.map { .init(service: $0) }
        services += ListenerSecuritySetup.services(security)
        if case .listen(let zipkinAddress) = ZipkinListen(zipkinListen) {
            services.append(.init(service: MeshScopeServer.zipkinApplication(
                context, traces: traces, host: zipkinAddress.host, port: zipkinAddress.port,
                logger: Logger(label: "meshscope.zipkin"), security: security)))
        }
        let reloadOnHangup = Task {
            for await _ in await UnixSignalsSequence(trapping: .sighup) {
                _ = await controller.reload()
            }
        }
        logger.notice("meshscope started", metadata: [
            "version": "\(MeshScope.version)", "data_dir": "\(settings.server.dataDir)",
            "retention": "\(settings.storage.retention)", "trace_retention": "\(settings.traces.retention)",
            "log_retention": "\(settings.logs.retention)", "access_logs": "\(settings.accessLogs.count)",
            "zipkin_listen": "\(zipkinListen)", "config": "\(config ?? "none")",
        ])
        let group = ServiceGroup(configuration: .init(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        // A listener that cannot bind (9411 taken by a real Zipkin) stops serve; the exit
        // status says so, after the same orderly shutdown.
        var failure: (any Error)?
        do {
            try await group.run()
        } catch {
            logger.error("server stopped with an error", metadata: ["error": "\(error)"])
            failure = error
        }
        reloadOnHangup.cancel()
        await discovery.stop()
        await scrapes.stopAll()
        await store.checkpoint()
        await traces.checkpoint()
        await logs.checkpoint()
        try? await client.shutdown()
        await forwarding.shutdown()
        withExtendedLifetime(lock) {}
        logger.notice("meshscope stopped")
        if let failure { throw CommandFailure.fail("server stopped: \(failure)") }
    }

    @Sendable func flagOverrides(_ base: MeshScopeConfig) throws(ConfigError) -> MeshScopeConfig {
        if let retention {
            return try base.overriding(listen: listen, dataDir: dataDir, retention: retention)
        }
        return try base.overriding(listen: listen, dataDir: dataDir)
    }
}
