import Foundation
import Logging
import ServiceLifecycle

/// Applies one signal's retention at start-up and then every `period` until shutdown:
/// `apply` receives the cutoff in milliseconds since the epoch (everything older goes).
public struct RetentionService: Service {
    let signal: String
    let retentionMilliseconds: @Sendable () async -> Int64
    let apply: @Sendable (_ cutoffMilliseconds: Int64) async throws -> Void
    let period: Duration
    let logger: Logger

    public init(signal: String, period: Duration = .seconds(300), logger: Logger,
                retentionMilliseconds: @escaping @Sendable () async -> Int64,
                apply: @escaping @Sendable (_ cutoffMilliseconds: Int64) async throws -> Void) {
        self.signal = signal
        self.period = period
        self.logger = logger
        self.retentionMilliseconds = retentionMilliseconds
        self.apply = apply
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let retention = await retentionMilliseconds()
            do {
                // Saturating: a retention longer than the epoch (5000y) keeps everything.
                let (cutoff, overflow) = now.subtractingReportingOverflow(retention)
                try await apply(overflow ? Int64.min : cutoff)
            } catch {
                logger.error("retention failed", metadata: ["signal": "\(signal)", "error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: period) }
        }
    }
}

extension RetentionService {
    /// A cutoff in µs, as spans and log records are timed; saturates rather than overflows
    /// (a cutoff before year -292,000 keeps everything).
    public static func micros(_ cutoffMilliseconds: Int64) -> Int64 {
        let (micros, overflow) = cutoffMilliseconds.multipliedReportingOverflow(by: 1000)
        return overflow ? .min : micros
    }
}
