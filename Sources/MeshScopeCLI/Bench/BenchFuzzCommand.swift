import Fuzzing
import ArgumentParser
import Foundation
import Synchronization

/// `meshscope bench fuzz`: time-bounded, seeded mutational fuzzing of the collector's
/// parsers (exposition, PromQL, Zipkin JSON, Zipkin proto3, access-log NDJSON), in process.
/// A crash ends the process (rerun with the printed seed to reproduce); an input running
/// longer than --hang-seconds is written to the work directory and fails the run.
struct BenchFuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the parsers with seeded mutations of valid inputs; print executions per parser.",
        discussion: """
            For each parser, for --seconds: mutate a valid seed body or the previous mutant (byte flips, \
            interesting bytes and tokens, deletions, truncation, splicing, repeated chunks, huge numbers, nesting \
            up to 10,000 deep; inputs capped at 1 MiB) and run the parser on it. Prints executions, accepted and \
            refused inputs, the slowest input and failures (hangs) per parser. Exits 1 on a failure.
            """)

    @Option(help: "Seconds per parser.")
    var seconds: Double = 10

    @Option(help: "Seed of the mutations.")
    var seed: UInt64 = 0xF022

    @Option(help: "An input taking longer than this many seconds is a hang.")
    var hangSeconds: Double = 5

    @Option(help: "Only these parsers (comma-separated: exposition,promql,zipkin-json,zipkin-proto3,access-log).")
    var only: String?

    @Option(help: "Where a hanging input is written.")
    var workDir = NSTemporaryDirectory()

    @Flag(help: "Write each input to WORK_DIR/current-PARSER.bin before running it (slow): after a crash it holds the crashing input.")
    var saveInputs = false

    func run() async throws {
        let names = only.map { Set($0.split(separator: ",").map(String.init)) }
        let targets = FuzzTarget.all.filter { names?.contains($0.name) ?? true }
        guard !targets.isEmpty else { throw CommandFailure("no parser matches --only \(only ?? "")") }
        print("bench fuzz: \(Format.seconds(seconds)) per parser, seed \(seed), hang limit \(Format.seconds(hangSeconds))")
        let watchdog = FuzzWatchdog(limit: hangSeconds, directory: workDir)
        watchdog.start()
        var failures = 0
        print("parser          executions   exec/s   accepted   refused   slowest    failures")
        for (index, target) in targets.enumerated() {
            let save = saveInputs ? (workDir as NSString).appendingPathComponent("current-\(target.name).bin") : nil
            let result = FuzzRun.run(target, seconds: seconds, seed: seed &+ UInt64(index), watchdog: watchdog, saveTo: save)
            failures += result.failures
            print(target.name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: " %11d %8.0f %10d %9d %8.1fms %9d", result.executions,
                         Double(result.executions) / max(result.elapsed, 1e-9), result.accepted,
                         result.executions - result.accepted, result.slowest * 1000, result.failures))
            fflush(nil)
        }
        guard failures == 0 else { throw CommandFailure.fail("bench fuzz: \(failures) failures") }
    }
}

/// One parser's fuzzing loop.
enum FuzzRun {
    struct Result {
        var executions = 0
        var accepted = 0
        var failures = 0
        var slowest = 0.0
        var elapsed = 0.0
    }

    static func run(_ target: FuzzTarget, seconds: Double, seed: UInt64, watchdog: FuzzWatchdog, saveTo: String?) -> Result {
        for seedInput in target.seeds { _ = target.run(seedInput) }
        let summary = FuzzLoop.run(
            seed: seed, seeds: target.seeds, tokens: target.tokens, nesting: target.nesting, budget: .seconds(seconds),
            body: target.run,
            willRun: { input in
                if let saveTo { try? Data(input).write(to: URL(fileURLWithPath: saveTo)) }
                watchdog.begin(target.name, input)
            },
            didRun: { _, _ in watchdog.end() })
        return Result(executions: summary.executions, accepted: summary.accepted, failures: watchdog.hangs(of: target.name),
                      slowest: summary.slowest.seconds, elapsed: summary.elapsed.seconds)
    }
}
