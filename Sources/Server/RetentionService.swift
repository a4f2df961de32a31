import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Applies retention at start-up and then every `period` until shutdown.
public struct RetentionService: Service {
    let store: MetricsStore
    let retentionMilliseconds: @Sendable () async -> Int64
    let period: Duration
    let logger: Logger

    public init(store: MetricsStore, period: Duration = .seconds(300), logger: Logger,
                retentionMilliseconds: @escaping @Sendable () async -> Int64) {
        self.store = store
        self.period = period
        self.logger = logger
        self.retentionMilliseconds = retentionMilliseconds
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let retention = await retentionMilliseconds()
            do {
                // Saturating: a retention longer than the epoch (5000y) keeps everything.
                let (cutoff, overflow) = now.subtractingReportingOverflow(retention)
                try await store.applyRetention(cutoff: overflow ? Int64.min : cutoff)
            } catch {
                logger.error("retention failed", metadata: ["error": "\(error)"])
            }
            try? await gracefulShutdownOrSleep(period)
        }
    }

    private func gracefulShutdownOrSleep(_ duration: Duration) async throws {
        try await cancelWhenGracefulShutdown {
            try await Task.sleep(for: duration)
        }
    }
}
