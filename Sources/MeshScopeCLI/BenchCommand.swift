import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print figures for BENCHMARKS.md.",
        subcommands: [BenchIngestCommand.self, BenchQueryCommand.self, BenchTracesCommand.self, BenchLogsCommand.self, BenchProxyCommand.self,
                      BenchUICommand.self, BenchForwardCommand.self, BenchSoakCommand.self,
                      BenchKillCommand.self, BenchFuzzCommand.self])
}
