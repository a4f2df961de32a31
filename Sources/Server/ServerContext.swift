import Logging
import MeshMetrics
import Scrape
import Storage

/// Everything the HTTP routes read from or act on. Later signals add their stores here.
public struct ServerContext: Sendable {
    public var store: MetricsStore
    public var scrapes: ScrapeManager?
    public var version: String
    public var externalLabels: Labels
    /// Re-reads the configuration file; returns an error message when it was rejected.
    public var reload: @Sendable () async -> String?
    public var requestMetrics = HTTPRequestMetrics()

    public init(store: MetricsStore, scrapes: ScrapeManager?, version: String, externalLabels: Labels = Labels([]),
                reload: @escaping @Sendable () async -> String?) {
        self.store = store
        self.scrapes = scrapes
        self.version = version
        self.externalLabels = externalLabels
        self.reload = reload
    }
}
