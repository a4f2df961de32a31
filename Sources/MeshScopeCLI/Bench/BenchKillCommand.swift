import ArgumentParser
import AsyncHTTPClient
import Foundation

/// `meshscope bench kill`: SIGKILL a collector at seeded random moments during mixed
/// ingest (scrapes, Zipkin spans, NDJSON access logs), many times over, and check after
/// each kill that every acknowledged write is stored exactly once and SQLite is intact.
struct BenchKillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill",
        abstract: "Kill the collector with SIGKILL during mixed ingest, N rounds; count acknowledged writes lost.",
        discussion: """
            Starts a fixture scrape target (--series counters, scraped every 500ms) and `meshscope serve` on one \
            data directory; each round restarts serve, POSTs Zipkin JSON span batches and NDJSON access-log \
            batches with --clients concurrent clients of each kind, and SIGKILLs serve after a seeded random \
            delay (--min-ms...--max-ms). With serve dead it runs PRAGMA integrity_check on metrics.db, \
            traces.db and logs.db (sqlite3 CLI), checks every span and log record acknowledged (2xx) in any \
            round is stored exactly once, and that the scraped series have strictly increasing timestamps and \
            values, no sample stored twice and nothing an earlier check saw gone. Exits 1 on any problem.
            """)

    @Option(help: "Kill rounds.")
    var rounds = 50

    @Option(help: "Seed of the kill delays.")
    var seed: UInt64 = 0x5EED_0B17

    @Option(help: "Shortest delay between serve being ready and the kill, in milliseconds.")
    var minMs = 300

    @Option(help: "Longest delay between serve being ready and the kill, in milliseconds.")
    var maxMs = 2500

    @Option(help: "Concurrent span clients and as many log clients.")
    var clients = 2

    @Option(help: "Series of the fixture target.")
    var series = 200

    @Option(help: "Working directory (default: a new temporary directory, removed when every round passed).")
    var workDir: String?

    func validate() throws {
        guard rounds > 0, clients > 0, series > 0 else { throw ValidationError("--rounds, --clients and --series must be positive") }
        guard minMs >= 0, maxMs >= minMs else { throw ValidationError("need 0 <= --min-ms <= --max-ms") }
    }

    func run() async throws {
        guard let sqlite3 = KillVerifier.findSQLite3() else {
            throw CommandFailure("bench kill needs the sqlite3 CLI (Debian: apt-get install sqlite3)")
        }
        let directory = workDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-kill-\(getpid())")
        let dataDir = (directory as NSString).appendingPathComponent("data")
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let target = KillFixtureTarget(series: series)
        try await target.start()
        defer { target.stop() }
        let config = (directory as NSString).appendingPathComponent("meshscope.yaml")
        try Data("""
            global: {scrape_interval: 500ms, scrape_timeout: 400ms}
            scrape_configs:
              - job_name: kill
                static_configs: [{targets: ["\(target.address)"]}]

            """.utf8).write(to: URL(fileURLWithPath: config))
        print("bench kill: \(rounds) rounds, seed \(seed), kill \(minMs)-\(maxMs) ms after ready, data in \(dataDir)")

        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(2), read: .seconds(10))
        configuration.decompression = .disabled
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var random = KillRandom(seed: seed)
        var spans: Set<String> = []
        var logs: Set<String> = []
        var samples: Set<String> = []
        var survived = 0
        var lost = 0
        var problems: [String] = []
        let verifier = KillVerifier(dataDir: dataDir, sqlite3: sqlite3)
        for round in 1...rounds {
            let serve: KillServe
            do {
                serve = try await KillServe.start(dataDir: dataDir, config: config, workDir: directory, round: round)
            } catch {
                try? await client.shutdown()
                throw error
            }
            let delay = Int.random(in: minMs...maxMs, using: &random)
            let ingest = KillIngest(baseURL: serve.baseURL, round: round, client: client)
            let running = Task { await ingest.run(clients: clients) }
            try await Task.sleep(for: .milliseconds(delay))
            serve.kill()
            running.cancel()
            await running.value
            let acknowledged = ingest.acknowledged
            spans.formUnion(acknowledged.spans)
            logs.formUnion(acknowledged.logs)
            let outcome: KillVerifier.Outcome
            do {
                outcome = try verifier.verify(spans: spans, logs: logs, earlierSamples: &samples)
            } catch {
                try? await client.shutdown()
                throw error
            }
            lost += outcome.lostSpans + outcome.lostLogs
            if outcome.problems.isEmpty { survived += 1 }
            problems += outcome.problems.map { "round \(round): \($0)" }
            let refused = acknowledged.refusedStatuses.isEmpty ? "" : "  refused=\(acknowledged.refusedStatuses.count)"
            print("round \(round)/\(rounds): killed after \(delay) ms  acked spans=\(acknowledged.spans.count) "
                + "logs=\(acknowledged.logs.count)\(refused)  stored samples=\(outcome.storedSamples)  "
                + (outcome.problems.isEmpty ? "ok" : "PROBLEMS: \(outcome.problems.joined(separator: "; "))"))
            fflush(nil)
        }
        try? await client.shutdown()
        print("kills survived: \(survived)/\(rounds)")
        print("acknowledged spans: \(spans.count), acknowledged log records: \(logs.count), samples stored: \(samples.count)")
        print("acknowledged writes lost: \(lost)")
        print("integrity_check: \(problems.contains { $0.contains("integrity_check") } ? "FAILED" : "ok") after every kill")
        guard problems.isEmpty else {
            throw CommandFailure.fail("bench kill: \(problems.count) problems (data kept in \(directory)); first: "
                + problems.prefix(5).joined(separator: " | "))
        }
        if workDir == nil { try? FileManager.default.removeItem(atPath: directory) }
    }
}

/// SplitMix64: the seeded generator of the kill delays.
struct KillRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
