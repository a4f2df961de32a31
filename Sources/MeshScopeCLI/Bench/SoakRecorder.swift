import Foundation
import Synchronization

/// Runs the demo's mesh and load for the soak and records a `SoakSample` every interval
/// (one at the start, one at the end).
final class SoakRecorder: Sendable {
    let plan: DemoPlan
    let supervisor: DemoSupervisor
    let total: Double
    private let recorded = Mutex<[SoakSample]>([])

    init(plan: DemoPlan, supervisor: DemoSupervisor, total: Double) {
        self.plan = plan
        self.supervisor = supervisor
        self.total = total
    }

    var samples: [SoakSample] { recorded.withLock { $0 } }

    /// Starts the collector and the mesh, then load and sampling until `total` seconds have
    /// passed or a child dies (which fails the soak with the end of its log).
    func run(rate: Double, interval: Duration) async throws -> String {
        try await supervisor.start([plan.collectorLaunch])
        try await supervisor.start(plan.meshLaunches)
        print("soak: mesh ready, collector at \(plan.collectorURL)")
        let load = DemoLoadGenerator(url: "http://127.0.0.1:\(plan.topology.gateway.outboundPort)/productpage",
                                     rate: rate, reportEvery: .seconds(86_400))
        let started = ContinuousClock.now
        let end = started + .seconds(total)
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                await load.run()
                return nil
            }
            group.addTask {
                guard let dead = await self.supervisor.firstExit() else { return nil }
                throw CommandFailure("\(dead.name) exited with status \(dead.exitStatus ?? -1); "
                    + "end of \(dead.logPath):\n\(dead.logTail())")
            }
            group.addTask {
                var next = started
                while true {
                    self.sample(elapsed: ContinuousClock.now - started, stats: load.stats)
                    if next >= end { return "ran for \(self.total)s" }
                    next = min(next + interval, end)
                    try await Task.sleep(until: next)
                }
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let reason = next { return reason }
            }
            return "done"
        }
    }

    private func sample(elapsed: Duration, stats: DemoLoadStats) {
        guard let collector = supervisor.child(named: plan.collectorLaunch.name) else { return }
        let sidecars = supervisor.all.filter { $0.name.hasSuffix("-proxy") }
        let sizes = SoakSample.databaseSizes(in: plan.dataDir)
        let load = stats.take()
        let sample = SoakSample(
            elapsedSeconds: elapsed.seconds, collectorRSS: SoakSample.residentBytes(pid: collector.pid),
            sidecarsRSS: sidecars.reduce(0) { $0 + SoakSample.residentBytes(pid: $1.pid) }, sidecarCount: sidecars.count,
            databaseBytes: sizes.main, walBytes: sizes.wal,
            requestsSent: load.sent, requests2xx: load.byClass["2xx", default: 0], requestsSkipped: load.skipped)
        recorded.withLock { $0.append(sample) }
        print(sample.line(total: total))
        fflush(nil)
    }
}
