import ArgumentParser
import Config
import Foundation
import Logging
import UnixSignals

/// `meshscope bench soak`: the demo mesh under steady load for a long time, sampling the
/// collector's and the sidecars' memory and the databases' size, then a CSV, an SVG plot
/// and a verdict (see `SoakVerdict` for the criteria).
struct BenchSoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run the demo mesh under load for a long time; sample memory and database size; plot and judge.",
        discussion: """
            Starts the demo exactly as `meshscope demo --scenario steady` does (collector, services, sidecars) \
            in WORK_DIR/data, sends GET /productpage through the gateway at --rate requests/s for --duration, \
            and every --sample-interval prints and records the collector's RSS (/proc/PID/status VmRSS), the \
            sidecars' total RSS, the size of metrics.db, traces.db and logs.db and of their WAL files, and the \
            requests sent and answered 2xx. Writes OUTPUT/soak.csv and OUTPUT/soak.svg and prints the verdict: \
            memory levels off (last third's growth at most max(25% of the first third's, 5% of the RSS)) and \
            the databases stay within retention (linear growth, bounded WAL). For BENCHMARKS.md build with \
            -c release and run --rate 200 --duration 30m.
            """)

    @Option(help: "Requests per second sent to the ingress gateway.")
    var rate: Double = 200

    @Option(help: "How long to run, as a Prometheus duration (2m, 30m).")
    var duration = "30m"

    @Option(help: "Time between samples, as a Prometheus duration.")
    var sampleInterval = "60s"

    @Option(help: "Folder for soak.csv and soak.svg.")
    var output = "./soak-output"

    @Option(help: "Working directory (the demo's data directory is WORK_DIR/data; default: a new temporary directory, kept).")
    var workDir: String?

    func validate() throws {
        guard rate > 0, rate <= 2000 else { throw ValidationError("--rate must be in (0, 2000] requests/s") }
        for (name, text) in [("--duration", duration), ("--sample-interval", sampleInterval)] {
            guard let parsed = try? PromDuration(parsing: text), parsed.milliseconds > 0 else {
                throw ValidationError("\(name) must be a positive duration such as 10s or 30m")
            }
        }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .notice)
        let logger = Logger(label: "meshscope.bench.soak")
        let total = try PromDuration(parsing: duration).duration
        let interval = try PromDuration(parsing: sampleInterval).duration
        let directory = workDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-soak-\(getpid())")
        let dataDir = (directory as NSString).appendingPathComponent("data")
        if FileManager.default.fileExists(atPath: (dataDir as NSString).appendingPathComponent("metrics.db")) {
            throw CommandFailure("\(dataDir) already holds a store; the soak needs a fresh data directory")
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        print("machine: \(MachineInfo.summary)")
        print("soak: \(DemoCommand.format(rate)) requests/s for \(duration), a sample every \(sampleInterval), data in \(dataDir)")
        fflush(nil)

        let plan = try DemoPlan.prepare(dataDir: dataDir, listenPort: 0, scenario: .steady, policyDir: nil)
        let supervisor = DemoSupervisor(executable: DemoCommand.executablePath, logsDirectory: plan.logsDirectory, logger: logger)
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        let recorder = SoakRecorder(plan: plan, supervisor: supervisor, total: total.seconds)
        let outcome: Result<String, CommandFailure> = await withTaskGroup(of: Result<String, CommandFailure>.self) { group in
            group.addTask {
                for await signal in signals { return .failure(CommandFailure("interrupted (\(signal))")) }
                return .failure(CommandFailure("cancelled"))
            }
            group.addTask {
                do {
                    return .success(try await recorder.run(rate: rate, interval: interval))
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
        print("soak: stopping the mesh")
        await supervisor.stopAll()
        let samples = recorder.samples
        if let final = samples.last {
            let sizes = SoakSample.databaseSizes(in: plan.dataDir)
            print("soak: after a clean stop the databases hold \(Format.bytes(sizes.main)) (+\(Format.bytes(sizes.wal)) WAL); "
                + "\(final.requestsSent) requests sent, \(final.requests2xx) answered 2xx")
        }
        try SoakOutput.write(samples: samples, to: output, title: "meshscope bench soak: \(DemoCommand.format(rate)) req/s for \(duration)")
        let verdict = SoakVerdict(samples: samples)
        verdict.lines.forEach { print($0) }
        if case .failure(let failure) = outcome {
            throw CommandFailure.fail("soak: \(failure.description)")
        }
        if !verdict.passed { throw ExitCode(2) }
    }
}
