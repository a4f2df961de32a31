import Foundation
import Logging
import MeshMetrics
import Storage

/// Scrapes one target every interval until cancelled. Owns the target's scrape cache and
/// the set of series it reported last time, which is what staleness is computed from.
struct ScrapeLoop {
    let target: ScrapeTarget
    let store: MetricsStore
    let fetcher: ScrapeFetcher
    let board: ScrapeStatusBoard
    let logger: Logger
    let userAgent: String
    let stop: LoopStop
    private var cache = SeriesCache()
    private var previousSeries = Set<Labels>()

    init(target: ScrapeTarget, store: MetricsStore, fetcher: ScrapeFetcher, board: ScrapeStatusBoard, logger: Logger,
         userAgent: String, stop: LoopStop) {
        self.stop = stop
        self.target = target
        self.store = store
        self.fetcher = fetcher
        self.board = board
        self.logger = logger
        self.userAgent = userAgent
    }

    /// Runs until the task is cancelled; when the target was removed from the config its
    /// series are then marked stale, as Prometheus does.
    mutating func run() async {
        await board.update(TargetHealth(target: target))
        // Spread targets over the interval so they don't all fire at once.
        let offset = Int64(truncatingIfNeeded: Labels([Label("t", target.id)]).stableHash % UInt64(max(target.intervalMilliseconds, 1)))
        var next = Self.nowMilliseconds() / target.intervalMilliseconds * target.intervalMilliseconds + offset
        // The first slot may already have passed: wait for the next one, so scrapes stay an
        // interval apart from the very first.
        if next < Self.nowMilliseconds() { next += target.intervalMilliseconds }
        while !Task.isCancelled {
            let wait = next - Self.nowMilliseconds()
            if wait > 0 {
                do { try await Task.sleep(for: .milliseconds(wait)) } catch { break }
            }
            await scrapeOnce(at: Self.nowMilliseconds())
            next += target.intervalMilliseconds
            let now = Self.nowMilliseconds()
            if next < now { next = now + target.intervalMilliseconds - (now - offset) % target.intervalMilliseconds }
        }
        if stop.marksStale {
            await markAllStale(at: Self.nowMilliseconds(), includingReport: true)
        }
        await board.remove(target)
    }

    mutating func scrapeOnce(at start: Int64) async {
        var health = TargetHealth(target: target)
        health.lastScrape = start
        var batch: AppendBatch
        var current = Set<Labels>()
        do {
            let (body, contentType) = try await fetcher.fetch(target, userAgent: userAgent)
            var sink = ScrapeSink(target: target, defaultTimestamp: start, cache: cache)
            do {
                try body.withUnsafeBytes { bytes in
                    try ExpositionParser.parse(bytes, format: ExpositionFormat(contentType: contentType), into: &sink)
                }
            } catch let error as ScrapeError {
                throw error
            } catch {
                throw ScrapeError.parse("\(error)")
            }
            sink.cache.rotate(keepingHashesOf: sink.usedHashes)
            cache = sink.cache
            batch = sink.batch
            batch.metadata = sink.metadata
            current = sink.trackedSeries
            health.state = .up
            health.samplesScraped = sink.samples
        } catch {
            // Cut short by our own shutdown or reload, not a failed scrape: record
            // nothing (no `up 0`); `run` marks the target's series stale.
            if Task.isCancelled { return }
            batch = AppendBatch()
            health.state = .down
            health.lastError = "\(error)"
            logger.debug("scrape failed", metadata: ["target": "\(target.url)", "error": "\(error)"])
        }
        for series in previousSeries.subtracting(current) {
            batch.append(series, Sample(timestamp: start, value: StaleNaN.value))
        }
        health.lastDurationSeconds = Double(Self.nowMilliseconds() - start) / 1000
        appendReport(health, at: start, to: &batch)
        do {
            try await store.append(batch)
            previousSeries = current
        } catch let limit as SeriesLimitError {
            await failOnSeriesLimit(limit, health: &health, at: start)
        } catch {
            health.state = .down
            health.lastError = "storing samples failed: \(error)"
            logger.error("scrape not stored", metadata: ["target": "\(target.url)", "error": "\(error)"])
        }
        await board.update(health)
    }

    /// `limits.max_series_per_metric` refused the batch: the scrape fails as a whole, as
    /// with Prometheus' `sample_limit` (`up` 0, the error on `/targets`, the series of the
    /// last good scrape go stale).
    private mutating func failOnSeriesLimit(_ limit: SeriesLimitError, health: inout TargetHealth, at start: Int64) async {
        health.state = .down
        health.lastError = limit.description
        var failed = AppendBatch()
        for series in previousSeries {
            failed.append(series, Sample(timestamp: start, value: StaleNaN.value))
        }
        appendReport(health, at: start, to: &failed)
        previousSeries = []
        do {
            try await store.append(failed)
        } catch {
            logger.error("scrape report not stored", metadata: ["target": "\(target.url)", "error": "\(error)"])
        }
        logger.debug("scrape refused by max_series_per_metric", metadata: ["target": "\(target.url)", "error": "\(limit)"])
    }

    /// `up`, `scrape_duration_seconds`, `scrape_samples_scraped`, as Prometheus writes them.
    private func appendReport(_ health: TargetHealth, at timestamp: Int64, to batch: inout AppendBatch) {
        for (name, value) in reportValues(health) {
            batch.append(target.labels.setting(Labels.metricName, name), Sample(timestamp: timestamp, value: value))
        }
    }

    private func reportValues(_ health: TargetHealth) -> [(String, Double)] {
        [("up", health.state == .up ? 1 : 0),
         ("scrape_duration_seconds", health.lastDurationSeconds),
         ("scrape_samples_scraped", Double(health.samplesScraped))]
    }

    private mutating func markAllStale(at timestamp: Int64, includingReport: Bool) async {
        var batch = AppendBatch()
        for series in previousSeries {
            batch.append(series, Sample(timestamp: timestamp, value: StaleNaN.value))
        }
        if includingReport {
            for (name, _) in reportValues(TargetHealth(target: target)) {
                batch.append(target.labels.setting(Labels.metricName, name), Sample(timestamp: timestamp, value: StaleNaN.value))
            }
        }
        previousSeries = []
        _ = try? await store.append(batch)
    }

    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
