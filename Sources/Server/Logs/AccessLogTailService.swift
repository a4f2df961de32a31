import Config
import Logging
import ServiceLifecycle
import Storage

/// Follows every file of `access_logs`, polling each every `interval` (at once while a
/// backlog remains). The list is re-read from the effective configuration at each round,
/// so a reload starts and stops followers; a stopped file keeps its stored position.
public struct AccessLogTailService: Service {
    let logs: LogStore
    let files: @Sendable () async -> [AccessLogFile]
    let interval: Duration
    let logger: Logger

    public init(logs: LogStore, interval: Duration = .milliseconds(250), logger: Logger,
                files: @escaping @Sendable () async -> [AccessLogFile]) {
        self.logs = logs
        self.files = files
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        var tailers: [String: AccessLogTailer] = [:]
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let wanted = await files()
            for path in tailers.keys where !wanted.contains(where: { $0.path == path }) {
                logger.info("no longer following access log", metadata: ["path": "\(path)"])
                tailers[path] = nil
            }
            var backlog = false
            for file in wanted {
                if tailers[file.path]?.file != file {
                    do {
                        tailers[file.path] = try await AccessLogTailer(file: file, logs: logs, logger: logger)
                    } catch {
                        logger.error("cannot follow access log", metadata: ["path": "\(file.path)", "error": "\(error)"])
                        continue
                    }
                }
                do {
                    if try await tailers[file.path]?.poll() == true { backlog = true }
                } catch {
                    // Retried from the same position at the next round.
                    logger.error("reading access log failed", metadata: ["path": "\(file.path)", "error": "\(error)"])
                }
            }
            if !backlog {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            }
        }
    }
}
