import ArgumentParser
import Foundation
import Logging
import MeshPolicy
import NIOCore
import NIOPosix
import Proxy
import ProxyTelemetry
import ServiceLifecycle
import Synchronization
import UnixSignals

/// `meshscope proxy`: the sidecar. Reads Istio VirtualService/DestinationRule documents
/// and one ProxyConfig (`apiVersion: meshscope/v1`) from the files given, serves the
/// listeners the ProxyConfig names, and reports Istio telemetry: metrics on the admin
/// port, spans and access logs to the collector (and the access log to a file or stdout).
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Run the sidecar proxy on Istio VirtualService/DestinationRule YAML plus a ProxyConfig document.",
        discussion: """
            With --validate, judges each file on its own (or, with --together, the files as one configuration) \
            and prints every finding as file:line:col: severity: ...; exits 1 when any error was found. \
            Otherwise the files together must hold exactly one ProxyConfig and no error. SIGHUP re-reads the \
            files: a valid configuration replaces the running one without dropping in-flight requests; an \
            invalid one is logged and ignored. SIGTERM drains: listeners close, in-flight requests get \
            --drain-grace to finish.
            """)

    @Argument(help: "YAML files (multi-document).")
    var files: [String]

    @Flag(name: .customLong("validate"), help: "Validate the files and exit without starting.")
    var validateOnly = false

    @Flag(help: "With --validate: judge the files as one configuration instead of each on its own.")
    var together = false

    @Option(help: "Address every listener binds. Default: 127.0.0.1")
    var host = "127.0.0.1"

    @Option(help: "Seconds in-flight requests get to finish on SIGTERM.")
    var drainGrace: Double = 5

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    @Option(help: "Worker threads (event loops), as Envoy's --concurrency. Default: one per core.")
    var concurrency: Int?

    @Option(help: "File holding the collector's ingest token (auth.ingest_tokens), sent as Authorization: Bearer with shipped spans and access logs; re-read before every send.")
    var collectorTokenFile: String?

    @OptionGroup(title: "mTLS")
    var mtls: ProxyMTLSOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one YAML file") }
        if let concurrency, !(1...256).contains(concurrency) { throw ValidationError("--concurrency must be 1...256") }
        guard drainGrace >= 0, drainGrace <= 3600 else { throw ValidationError("--drain-grace must be 0...3600 seconds") }
    }

    func run() async throws {
        if validateOnly {
            let outcome = ProxyValidation.run(files: files, together: together)
            for line in outcome.lines { print(line) }
            if outcome.errors > 0 { throw ExitCode(1) }
            return
        }
        LogSetup.bootstrap(level: logLevel)
        if let concurrency { NIOSingletons.groupLoopCountSuggestion = concurrency }
        // Tasks run on NIO's event loops, so a request's awaits do not hop between the
        // event loop and Swift's cooperative pool at every read and write.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let logger = Logger(label: "meshscope.proxy")
        let config = try Self.load(files)
        let proxy = config.proxy
        let identity = TelemetryObserver.identity(of: proxy.workload)
        let collector = proxy.collectorAddress.map { "http://\($0.host):\($0.port)" }
        let accessLog: AccessLogOutput? = proxy.accessLogPath.map { $0 == "/dev/stdout" || $0 == "-" ? .stdout : .file($0) }
        var settings = collector.map {
            TelemetrySettings.collector($0, service: proxy.workload.app, samplingPercentage: proxy.tracingSamplingPercentage,
                                        accessLog: accessLog)
        } ?? TelemetrySettings(samplingPercentage: proxy.tracingSamplingPercentage, accessLog: accessLog)
        if let collectorTokenFile {
            // Fail at start on an unreadable file rather than on the first shipped batch.
            _ = try CollectorToken.read(collectorTokenFile)
            settings.spans?.bearerTokenFile = collectorTokenFile
            settings.accessLogShipping?.bearerTokenFile = collectorTokenFile
        }
        settings.nodeID = "sidecar~\(host)~\(proxy.workload.name).\(proxy.workload.namespace)~\(proxy.workload.namespace).svc.cluster.local"
        let telemetry = try SidecarTelemetry(identity: identity, settings: settings, logger: logger)
        let current = CurrentProxyConfig(proxy)
        let observer = TelemetryObserver(telemetry: telemetry, proxy: proxy) { current.value }
        let meshTLS = try await mtls.start(workload: proxy.workload, logger: logger)
        let server = ProxyServer(
            config: config, observer: observer,
            adminHooks: AdminHooks(prometheusText: { telemetry.metricsText(openMetrics: $0) }, statsText: { telemetry.statsText() }),
            options: ProxyServerOptions(host: host, drainGracePeriod: .milliseconds(Int64(drainGrace * 1000)),
                                        meshTLS: meshTLS),
            logger: logger)
        let reloads = Task {
            for await _ in await UnixSignalsSequence(trapping: .sighup) {
                do {
                    let next = try Self.load(files)
                    current.value = next.proxy
                    observer.configChanged()
                    server.reload(config: next)
                } catch {
                    logger.error("proxy config reload rejected; keeping the running config", metadata: ["error": "\(error)"])
                }
            }
        }
        let announce = Task {
            if let ports = try? await server.boundPorts() {
                logger.notice("proxy listening", metadata: [
                    "workload": "\(proxy.workload.name)", "inbound": "\(ports.inbound.map(String.init) ?? "-")",
                    "outbound": "\(ports.outbound.map(String.init) ?? "-")", "admin": "\(ports.admin.map(String.init) ?? "-")",
                    "tcp": "\(ports.tcp.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))",
                ])
            }
        }
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: server), .init(service: TelemetryService(telemetry: telemetry))]
                + (meshTLS.map { [.init(service: $0.certificates)] } ?? []),
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        defer {
            reloads.cancel()
            announce.cancel()
        }
        try await group.run()
    }

    /// The files as one configuration; any error stops it, with every finding printed.
    static func load(_ files: [String]) throws -> PolicyConfig {
        let (config, validation) = PolicyConfig.build(from: files.map { PolicyLoader.load(path: $0) })
        for finding in validation.warnings { FileHandle.standardError.write(Data("\(finding)\n".utf8)) }
        guard let config, !validation.hasErrors else {
            throw CommandFailure(validation.errors.map(\.description).joined(separator: "\n"))
        }
        return config
    }
}

/// The ProxyConfig in force, read by the telemetry on every request and swapped on reload.
final class CurrentProxyConfig: Sendable {
    private let state: Mutex<ProxyConfig>
    init(_ config: ProxyConfig) { state = Mutex(config) }
    var value: ProxyConfig {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

/// Runs the telemetry's reporters until shutdown, then flushes them.
struct TelemetryService: Service {
    let telemetry: SidecarTelemetry

    func run() async throws {
        await withGracefulShutdownHandler {
            await telemetry.run()
        } onGracefulShutdown: {
            Task { await telemetry.shutdown() }
        }
        // With nothing to ship (no collector, no access log) `run()` returns at once; a
        // service that ends early would stop the whole group, so wait for the shutdown.
        try? await gracefulShutdown()
    }
}
