import ArgumentParser
import Config
import Foundation
import Logging
import UnixSignals

/// `meshscope demo`: a whole Bookinfo-like mesh on 127.0.0.1 behind MeshScope's sidecars,
/// a collector scraping them and receiving their spans and access logs, a load generator,
/// and the traffic policy of `Deploy/demo` (Istio YAML). Runs until Ctrl-C, SIGTERM or
/// `--duration`, then stops every process, the collector last.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a Bookinfo-like demo mesh behind MeshScope's sidecars, with load, on 127.0.0.1.",
        discussion: """
            Starts a collector (meshscope serve), the ingress gateway, productpage, details, reviews v1/v2/v3, \
            ratings v1/v2 and a TCP database, each service behind its own sidecar (meshscope proxy), and sends \
            GET /productpage through the gateway at --rate requests/s. The Istio VirtualServices and \
            DestinationRules come from Deploy/demo (copied into DATA_DIR/policy); process logs go to \
            DATA_DIR/logs. Scenarios: steady (routing, retries, timeouts, circuit breaker), faults (plus 10% \
            aborts on ratings and a delay on reviews v3's calls), canary (reviews v3 from 0 to 100% in steps).
            """)

    @Option(help: "Requests per second sent to the ingress gateway.")
    var rate: Double = 20

    @Option(help: "How long to run the load, as a Prometheus duration (30s, 5m). Default: until Ctrl-C.")
    var duration: String?

    @Option(help: "The collector's data directory.")
    var dataDir = "./demo-data"

    @Option(help: "The collector's HTTP address, on 127.0.0.1 (port 0 picks a free one).")
    var listen = "127.0.0.1:9098"

    @Option(help: "Traffic policy: steady, faults or canary.")
    var scenario: DemoScenario = .steady

    @Option(help: "Directory of the demo's Istio YAML. Default: Deploy/demo of the repository.")
    var policyDir: String?

    func validate() throws {
        guard rate > 0, rate <= 2000 else { throw ValidationError("--rate must be in (0, 2000] requests/s") }
        if let duration {
            guard let parsed = try? PromDuration(parsing: duration), parsed.milliseconds > 0 else {
                throw ValidationError("--duration must be a positive duration such as 30s or 5m")
            }
        }
        guard let address = DemoServiceCommand.address(listen), ["127.0.0.1", "localhost"].contains(address.host) else {
            throw ValidationError("--listen must be 127.0.0.1:PORT (the demo binds 127.0.0.1 only)")
        }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .notice)
        let logger = Logger(label: "meshscope.demo")
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        let plan = try DemoPlan.prepare(dataDir: dataDir, listenPort: DemoServiceCommand.address(listen)!.port,
                                        scenario: scenario, policyDir: policyDir)
        DemoConsole.line("meshscope demo: scenario \(scenario.rawValue), \(Self.format(rate)) requests/s, data in \(plan.dataDir)")
        let supervisor = DemoSupervisor(executable: Self.executablePath, logsDirectory: plan.logsDirectory, logger: logger)
        let runDuration = duration.flatMap { try? PromDuration(parsing: $0) }?.duration
        let outcome = await withTaskGroup(of: Result<String, CommandFailure>.self) { group in
            group.addTask {
                for await signal in signals { return .success("received \(signal)") }
                return .success("cancelled")
            }
            group.addTask {
                do {
                    return .success(try await self.startAndRun(plan, supervisor: supervisor, for: runDuration, logger: logger))
                } catch let failure as CommandFailure {
                    return .failure(failure)
                } catch {
                    return .failure(CommandFailure("\(error)"))
                }
            }
            let first = await group.next()!
            group.cancelAll()
            return first
        }
        if case .success(let reason) = outcome { DemoConsole.line("stopping (\(reason))") }
        await supervisor.stopAll()
        switch outcome {
        case .success:
            DemoConsole.line("stopped; the data stays in \(plan.dataDir) (meshscope serve --data-dir \(plan.dataDir) to look again)")
        case .failure(let failure):
            throw CommandFailure.fail("demo: \(failure.description)")
        }
    }

    /// Starts the collector, then the whole mesh, prints where to look and runs the load
    /// (and the canary steps) until `duration` or a child's death.
    private func startAndRun(_ plan: DemoPlan, supervisor: DemoSupervisor, for duration: Duration?,
                             logger: Logger) async throws -> String {
        try await supervisor.start([plan.collectorLaunch])
        try await supervisor.start(plan.meshLaunches)
        DemoConsole.line(DemoPortTable.text(topology: plan.topology, collectorURL: plan.collectorURL, dataDir: plan.dataDir))
        let load = DemoLoadGenerator(url: "http://127.0.0.1:\(plan.topology.gateway.outboundPort)/productpage",
                                     rate: rate, reportEvery: .seconds(5))
        let canary = scenario == .canary ? DemoCanary(
            path: (plan.policyDirectory as NSString).appendingPathComponent(DemoCanary.fileName),
            proxies: plan.topology.callers(of: "reviews").compactMap { supervisor.child(named: DemoPlan.proxyName($0)) },
            logger: logger) : nil
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                await load.run()
                return nil
            }
            if let canary {
                group.addTask {
                    await canary.run(every: DemoCanary.stepDuration(run: duration))
                    return nil
                }
            }
            if let duration {
                group.addTask {
                    try await Task.sleep(for: duration)
                    return "ran for \(duration)"
                }
            }
            group.addTask {
                guard let dead = await supervisor.firstExit() else { return nil }
                throw CommandFailure("\(dead.name) exited with status \(dead.exitStatus ?? -1); "
                    + "end of \(dead.logPath):\n\(dead.logTail())")
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let reason = next { return reason }
            }
            return "done"
        }
    }

    /// This executable, to start the children (`serve`, `proxy`, `demo-service`).
    static var executablePath: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    static func format(_ rate: Double) -> String {
        rate == rate.rounded() ? "\(Int(rate))" : "\(rate)"
    }
}
