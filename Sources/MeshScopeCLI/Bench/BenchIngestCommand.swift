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

    func run() async throws {
        let directory = workDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-bench-\(getpid())")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if workDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let dataset = MeshDataset(targetSeries: series, hours: hours, intervalSeconds: interval,
                                  start: Int64(Date().timeIntervalSince1970 / 3600 - hours - 1) * 3_600_000)
        let file = (directory as NSString).appendingPathComponent("mesh.om")
        print("machine: \(MachineInfo.summary)")
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
                + "\(Format.rate(Double(dataset.sampleCount) / theirs.seconds)) samples/s, disk \(Format.bytes(theirs.bytes))")
            print(String(format: "ratio time  meshscope/promtool: %.2f (below 1 means MeshScope is faster)", ours.seconds / theirs.seconds))
            print(String(format: "ratio disk  meshscope/promtool: %.2f (below 1 means MeshScope is smaller)",
                         Double(ours.usage.fileBytes) / Double(theirs.bytes)))
        } else {
            print("promtool: not installed (apt-get install prometheus) - comparison skipped")
        }
        if commits > 0 {
            for durability in [Durability.normal, .full] {
                try await LiveAppendBench.run(durability: durability, commits: commits, seriesPerCommit: min(series, 10_000),
                                              directory: (directory as NSString).appendingPathComponent("live-\(durability.rawValue)"))
            }
        }
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
            print("  chunks table+index pages \(Format.bytes(usage.chunkTableBytes)); label index (pairs, series, postings) \(Format.bytes(usage.indexBytes))")
        }
        return (seconds, usage)
    }
}
