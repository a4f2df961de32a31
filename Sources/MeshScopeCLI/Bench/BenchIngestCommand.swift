import ArgumentParser
import Foundation
import MeshMetrics
import Storage

/// `meshscope bench ingest`: generate an Istio dataset, import it, and compare with
/// `promtool tsdb create-blocks-from openmetrics` on the same file when promtool is
/// installed; then measure live commits under both durability modes.
struct BenchIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Import a generated Istio dataset; print samples/s, bytes/sample, and promtool ratios.")

    @Option(help: "Approximate number of series.")
    var series = 10_000

    @Option(help: "Hours of data.")
    var hours = 2.0

    @Option(help: "Scrape interval of the data, seconds.")
    var interval = 15

    @Option(help: "Working directory (default: a new temporary directory, removed afterwards).")
    var workDir: String?

    @Option(help: "Commits per durability mode in the live-append part (0 skips it).")
    var commits = 200

    @Option(help: "Samples per commit in the live-append part (one scrape of that many series).")
    var commitSamples = 10_000

    @Flag(help: "Only the live-append part (no dataset, import or promtool).")
    var liveOnly = false

    func run() async throws {
        let directory = workDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-bench-\(getpid())")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if workDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let dataset = MeshDataset(targetSeries: series, hours: hours, intervalSeconds: interval,
                                  start: Self.blockAlignedStart(hours: hours))
        let file = (directory as NSString).appendingPathComponent("mesh.om")
        print("machine: \(MachineInfo.summary)")
        if liveOnly {
            try await liveAppend(directory)
            return
        }
        print("dataset: \(dataset.seriesCount) series x \(dataset.points) points = \(dataset.sampleCount) samples")
        let bar = ProgressBar(label: "generate")
        try dataset.write(to: file) { bar.update(fraction: $0, detail: "") }
        bar.finish()
        let fileBytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
        print("file: \(Format.bytes(fileBytes)) OpenMetrics text")

        let ours = try importOnce(file: file, into: (directory as NSString).appendingPathComponent("meshscope-data"),
                                  fileBytes: fileBytes)
        if let promtool = PromtoolRun.locate() {
            let theirs = try PromtoolRun.createBlocks(promtool: promtool, file: file,
                                                      output: (directory as NSString).appendingPathComponent("promtool-data"))
            print("promtool tsdb create-blocks-from openmetrics: \(Format.seconds(theirs.seconds)), "
                + "\(Format.rate(Double(dataset.sampleCount) / theirs.seconds)) samples/s, disk \(Format.bytes(theirs.bytes)) "
                + "(chunk files \(Format.bytes(theirs.chunkBytes)) = "
                + String(format: "%.3f", Double(theirs.chunkBytes) / Double(dataset.sampleCount))
                + " bytes/sample, index \(Format.bytes(theirs.indexBytes)))")
            print(String(format: "ratio time  meshscope/promtool: %.2f (below 1 means MeshScope is faster)", ours.seconds / theirs.seconds))
            print(String(format: "ratio disk  meshscope/promtool: %.2f (below 1 means MeshScope is smaller)",
                         Double(ours.usage.fileBytes) / Double(theirs.bytes)))
        } else {
            print("promtool: not installed (apt-get install prometheus) - comparison skipped")
        }
        try await liveAppend(directory)
    }

    private func liveAppend(_ directory: String) async throws {
        guard commits > 0 else { return }
        for durability in [Durability.normal, .full] {
            try await LiveAppendBench.run(durability: durability, commits: commits, seriesPerCommit: commitSamples,
                                          directory: (directory as NSString).appendingPathComponent("live-\(durability.rawValue)"))
        }
    }

    /// Starts the data on a 2 h boundary in the past, as Prometheus aligns its blocks, so
    /// promtool writes the fewest blocks (each block has its own index).
    static func blockAlignedStart(hours: Double) -> Int64 {
        let block: Int64 = 2 * 3_600_000
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let span = Int64((hours * 3_600_000).rounded(.up))
        return (now - span - block) / block * block
    }

    private func importOnce(file: String, into dataDir: String, fileBytes: Int64) throws -> (seconds: Double, usage: DiskUsage) {
        let bytes = try InputFile.read(file)
        let writer = try BackfillWriter(directory: dataDir)
        let bar = ProgressBar(label: "import")
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try bytes.withUnsafeBytes { buffer in
                try MetricsImporter(writer: writer).run(buffer, format: .openMetrics) { progress in
                    bar.update(fraction: Double(progress.bytesDone) / Double(progress.bytesTotal), detail: "\(progress.samples) samples")
                }
            }
        }
        bar.finish()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let summary = writer.summary
        let usage = try DiskUsage.measure(directory: dataDir)
        let samples = Double(summary.samples)
        print("meshscope import: \(Format.seconds(seconds)), \(Format.rate(samples / seconds)) samples/s, "
            + "\(Format.bytes(Int64(Double(fileBytes) / seconds)))/s of text")
        print("meshscope disk: total \(Format.bytes(usage.fileBytes)) = "
            + String(format: "%.3f", Double(usage.fileBytes) / samples) + " bytes/sample")
        print("  chunk payload \(Format.bytes(usage.chunkPayloadBytes)) = "
            + String(format: "%.3f", Double(usage.chunkPayloadBytes) / samples) + " bytes/sample")
        if !usage.pagesByObject.isEmpty {
            print("  chunks table pages \(Format.bytes(usage.chunkTableBytes)) (payload plus row keys and page slack); label index (pairs, series, postings) \(Format.bytes(usage.indexBytes))")
        }
        return (seconds, usage)
    }
}
