import Foundation
import Logging
import Synchronization

/// Starts the demo's child processes, reports each as it becomes ready, notices one
/// dying, and stops them all: the mesh first, the collector last, so the sidecars' final
/// spans and access logs reach it and it closes its data directory cleanly.
final class DemoSupervisor: Sendable {
    /// A child to start, and the log line that says it is serving.
    struct Launch: Sendable {
        var name: String
        var role: String
        var arguments: [String]
        var readyMarker: String
        var isCollector = false
    }

    let executable: String
    let logsDirectory: String
    let logger: Logger
    private let mesh = Mutex<[DemoChild]>([])
    private let collector = Mutex<DemoChild?>(nil)

    init(executable: String, logsDirectory: String, logger: Logger) {
        self.executable = executable
        self.logsDirectory = logsDirectory
        self.logger = logger
    }

    var all: [DemoChild] { mesh.withLock { $0 } + (collector.withLock { $0 }.map { [$0] } ?? []) }

    func child(named name: String) -> DemoChild? {
        all.first { $0.name == name }
    }

    /// Spawns every launch at once, then waits until each has logged its marker, printing
    /// one line per process as it gets there. A child that exits first, or one not ready
    /// within `timeout`, fails the start with the end of its log.
    func start(_ launches: [Launch], timeout: Duration = .seconds(90)) async throws {
        var waiting: [(launch: Launch, child: DemoChild)] = []
        for launch in launches {
            let logPath = (logsDirectory as NSString).appendingPathComponent("\(launch.name).log")
            let child = try DemoChild.spawn(name: launch.name, executable: executable, arguments: launch.arguments,
                                            logPath: logPath)
            if launch.isCollector {
                collector.withLock { $0 = child }
            } else {
                mesh.withLock { $0.append(child) }
            }
            waiting.append((launch, child))
        }
        let deadline = ContinuousClock.now + timeout
        while !waiting.isEmpty {
            for (launch, child) in waiting {
                if let status = child.exitStatus {
                    throw CommandFailure("\(launch.name) (\(launch.role)) exited with status \(status) while starting; "
                        + "end of \(child.logPath):\n\(child.logTail())")
                }
                if child.log.contains(launch.readyMarker) {
                    DemoConsole.line("  started  \(launch.name.padding(toLength: 28, withPad: " ", startingAt: 0)) "
                        + "\(launch.role.padding(toLength: 8, withPad: " ", startingAt: 0)) pid \(child.pid)")
                }
            }
            waiting.removeAll { !$0.child.isRunning || $0.child.log.contains($0.launch.readyMarker) }
            guard ContinuousClock.now < deadline else {
                let names = waiting.map(\.launch.name).joined(separator: ", ")
                throw CommandFailure("not ready within \(timeout): \(names); see \(logsDirectory)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Returns the first child found dead (polling); returns nil when cancelled.
    func firstExit() async -> DemoChild? {
        while !Task.isCancelled {
            if let dead = all.first(where: { !$0.isRunning }) { return dead }
            try? await Task.sleep(for: .milliseconds(500))
        }
        return nil
    }

    /// SIGTERM to every mesh process at once (sidecars drain and flush their telemetry),
    /// SIGKILL after `grace`; then the same for the collector with `collectorGrace`.
    func stopAll(grace: Duration = .seconds(10), collectorGrace: Duration = .seconds(30)) async {
        let children = mesh.withLock { $0 }
        await withTaskGroup(of: Void.self) { group in
            for child in children where child.isRunning {
                group.addTask { await child.stop(grace: grace) }
            }
        }
        if let collector = collector.withLock({ $0 }), collector.isRunning {
            let status = await collector.stop(grace: collectorGrace)
            if status != 0 {
                logger.warning("collector exited with an error", metadata: ["status": "\(status)", "log": "\(collector.logPath)"])
            }
        }
    }
}
