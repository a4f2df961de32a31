import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Deletes spans older than `traces.retention` at start-up and then every `period`,
/// as `RetentionService` does for samples. Span timestamps are microseconds.
public struct TraceRetentionService: Service {
    let store: TraceStore
    let retentionMilliseconds: @Sendable () async -> Int64
    let period: Duration
    let logger: Logger

    public init(store: TraceStore, period: Duration = .seconds(300), logger: Logger,
                retentionMilliseconds: @escaping @Sendable () async -> Int64) {
        self.store = store
        self.period = period
        self.logger = logger
        self.retentionMilliseconds = retentionMilliseconds
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let nowMicros = Int64(Date().timeIntervalSince1970 * 1_000_000)
            let (retentionMicros, overflowA) = (await retentionMilliseconds()).multipliedReportingOverflow(by: 1000)
            // Saturating: a retention longer than the epoch keeps everything.
            let (cutoff, overflowB) = nowMicros.subtractingReportingOverflow(retentionMicros)
            do {
                let summary = try await store.applyRetention(cutoffMicros: overflowA || overflowB ? Int64.min : cutoff)
                if summary.spansDeleted > 0 {
                    logger.info("trace retention applied", metadata: ["spans_deleted": "\(summary.spansDeleted)"])
                }
            } catch {
                logger.error("trace retention failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: period) }
        }
    }
}
