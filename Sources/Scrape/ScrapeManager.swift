import AsyncHTTPClient
import Logging
import Storage

/// Runs one scrape loop per target and applies a new target list on reload: unchanged
/// targets keep their loop (and their staleness state), removed ones are stopped and
/// marked stale, new ones start.
public actor ScrapeManager {
    private let store: MetricsStore
    private let fetcher: ScrapeFetcher
    private let logger: Logger
    private let userAgent: String
    public nonisolated let board = ScrapeStatusBoard()
    private var loops: [ScrapeTarget: Task<Void, Never>] = [:]

    public init(store: MetricsStore, client: HTTPClient, userAgent: String, logger: Logger) {
        self.store = store
        self.fetcher = ScrapeFetcher(client: client)
        self.userAgent = userAgent
        self.logger = logger
    }

    public func apply(_ targets: [ScrapeTarget]) async {
        let wanted = Set(targets)
        for (target, task) in loops where !wanted.contains(target) {
            task.cancel()
            await task.value
            loops[target] = nil
            logger.info("scrape target removed", metadata: ["job": "\(target.job)", "target": "\(target.url)"])
        }
        for target in targets where loops[target] == nil {
            let loop = ScrapeLoop(target: target, store: store, fetcher: fetcher, board: board, logger: logger, userAgent: userAgent)
            loops[target] = Task {
                var running = loop
                await running.run()
            }
            logger.info("scrape target added", metadata: ["job": "\(target.job)", "target": "\(target.url)"])
        }
    }

    public func stopAll() async {
        await apply([])
    }

    public var targetCount: Int { loops.count }
}
