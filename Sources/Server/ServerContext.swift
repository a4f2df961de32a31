import Config
import Logging
import MeshMetrics
import Outbox
import Scrape
import Storage

/// Everything the HTTP routes read from or act on. Later signals add their stores here.
public struct ServerContext: Sendable {
    public var store: MetricsStore
    /// The span store behind the Zipkin API; nil serves no `/api/v2/*` routes.
    public var traces: TraceStore?
    /// The access-log store behind `/api/v1/logs`; nil serves no log routes.
    public var logs: LogStore?
    public var scrapes: ScrapeManager?
    public var version: String
    public var externalLabels: Labels
    /// Re-reads the configuration file; returns an error message when it was rejected.
    public var reload: @Sendable () async -> String?
    /// The effective configuration, re-read per request so reloads apply to the query
    /// API's limits and to `/api/v1/status/config`.
    public var config: @Sendable () async -> MeshScopeConfig
    public var requestMetrics = HTTPRequestMetrics()
    /// The web UI's `Web/` folder; nil locates it (`MESHSCOPE_WEB_DIR`, the install
    /// layout, or a checkout above the executable or the working directory).
    public var webDirectory: String?
    /// Remote-write and span-forwarding queues, for their `/metrics` counters.
    public var forwarding: [ForwardChannel] = []
    /// Service discovery's counters per `kubernetes_sd_configs` entry, for `/metrics`.
    public var discoveryStatistics: @Sendable () async -> [DiscoveryStatistics] = { [] }

    public init(store: MetricsStore, scrapes: ScrapeManager?, version: String, externalLabels: Labels = Labels([]),
                traces: TraceStore? = nil, logs: LogStore? = nil,
                config: @escaping @Sendable () async -> MeshScopeConfig = { MeshScopeConfig() },
                reload: @escaping @Sendable () async -> String?) {
        self.store = store
        self.traces = traces
        self.logs = logs
        self.scrapes = scrapes
        self.version = version
        self.externalLabels = externalLabels
        self.config = config
        self.reload = reload
    }
}
