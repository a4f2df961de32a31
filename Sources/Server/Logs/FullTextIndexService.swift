import Logging
import ServiceLifecycle
import Storage

/// Moves committed log records into the full-text index, a batch at a time, so that the
/// index trails ingest by about `interval` and ingest never waits for it. Searches cover
/// the not-yet-indexed tail themselves, so nothing is missed meanwhile.
public struct FullTextIndexService: Service {
    let logs: LogStore
    let interval: Duration
    let batch: Int
    let logger: Logger

    public init(logs: LogStore, interval: Duration = .seconds(1), batch: Int = 50_000, logger: Logger) {
        self.logs = logs
        self.interval = interval
        self.batch = batch
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var full = false
            do {
                full = try await logs.indexPending(limit: batch) == batch
            } catch {
                logger.error("full-text indexing failed", metadata: ["error": "\(error)"])
            }
            if !full {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            }
        }
    }
}
