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
    private var loops: [ScrapeTarget: (task: Task<Void, Never>, stop: LoopStop)] = [:]

    public init(store: MetricsStore, client: HTTPClient, userAgent: String, logger: Logger) {
        self.store = store
        self.fetcher = ScrapeFetcher(client: client)
        self.userAgent = userAgent
        self.logger = logger
    }

    public func apply(_ targets: [ScrapeTarget]) async {
        await apply(TargetSet(targets: targets))
    }

    /// Applies the targets and records how they were discovered and what was dropped.
    public func apply(_ set: TargetSet) async {
        await board.record(discovered: set.discoveredLabels, dropped: set.dropped, droppedCounts: set.droppedCounts)
        await apply(set.targets, shuttingDown: false)
    }

    /// Stops every loop without staleness markers: on shutdown the series are not gone.
    public func stopAll() async {
        await apply([], shuttingDown: true)
    }

    private func apply(_ targets: [ScrapeTarget], shuttingDown: Bool) async {
        let wanted = Set(targets)
        let wantedIDs = Set(targets.map(\.id))
        for (target, loop) in loops where !wanted.contains(target) {
            // Same job and URL with new settings: the series continue in the new loop.
            let reason: LoopStop.Reason = shuttingDown ? .shutdown : wantedIDs.contains(target.id) ? .handover : .targetRemoved
            loop.stop.set(reason)
            loop.task.cancel()
            await loop.task.value
            loops[target] = nil
            if reason == .targetRemoved {
                logger.info("scrape target removed", metadata: ["job": "\(target.job)", "target": "\(target.url)"])
            }
        }
        for target in targets where loops[target] == nil {
            let stop = LoopStop()
            let loop = ScrapeLoop(target: target, store: store, fetcher: fetcher, board: board, logger: logger,
                                  userAgent: userAgent, stop: stop)
            let task = Task {
                var running = loop
                await running.run()
            }
            loops[target] = (task, stop)
            logger.info("scrape target started", metadata: ["job": "\(target.job)", "target": "\(target.url)"])
        }
    }

    public var targetCount: Int { loops.count }
}
