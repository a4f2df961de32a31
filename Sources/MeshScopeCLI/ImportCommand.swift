import ArgumentParser
import Foundation
import MeshMetrics
import Storage

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Backfill OpenMetrics or Prometheus text files with timestamps (gzip too).",
        discussion: """
            Refuses a data directory that a running `serve` holds. Samples of any age are kept; \
            samples already stored (same series, timestamp and value) are skipped, so re-importing \
            a file is idempotent. On a malformed line the import stops, keeps what it committed \
            before, names the line and exits non-zero.
            """)

    @Option(help: "Data directory.")
    var dataDir: String = "./data"

    @Option(help: "Input format: auto (OpenMetrics when the file ends with '# EOF'), openmetrics or text.")
    var format: InputFormat = .auto

    @Flag(help: "Use synchronous=FULL (durable against power loss).")
    var fullDurability = false

    @Argument(help: "Files to import.")
    var files: [String]

    enum InputFormat: String, ExpressibleByArgument { case auto, openmetrics, text }

    func run() throws {
        let lock: DataDirectoryLock
        let writer: BackfillWriter
        do {
            lock = try DataDirectoryLock(directory: dataDir)
            writer = try BackfillWriter(directory: dataDir, durability: fullDurability ? .full : .normal)
        } catch {
            throw CommandFailure.fail("\(error)")
        }
        let started = Date()
        for file in files {
            let bytes: Data
            do {
                bytes = try InputFile.read(file)
            } catch {
                throw CommandFailure.fail("\(file): \(error)")
            }
            let bar = ProgressBar(label: (file as NSString).lastPathComponent)
            let importer = MetricsImporter(writer: writer)
            do {
                try bytes.withUnsafeBytes { buffer in
                    try importer.run(buffer, format: detect(bytes)) { progress in
                        bar.update(fraction: Double(progress.bytesDone) / Double(max(progress.bytesTotal, 1)),
                                   detail: "\(progress.samples) samples")
                    }
                }
                bar.finish()
            } catch {
                bar.finish()
                let summary = writer.summary
                throw CommandFailure.fail("\(file): \(error) (import stopped; \(summary.committedSamples) samples committed before it)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let summary = writer.summary
        print(ImportReport(summary: summary, seconds: seconds).text)
        withExtendedLifetime(lock) {}
    }

    private func detect(_ bytes: Data) -> ExpositionFormat {
        switch format {
        case .openmetrics: return .openMetrics
        case .text: return .prometheusText
        case .auto:
            let tail = String(decoding: bytes.suffix(64), as: UTF8.self)
            return tail.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("# EOF") ? .openMetrics : .prometheusText
        }
    }
}

/// The closing figures of an import.
struct ImportReport {
    let summary: BackfillSummary
    let seconds: Double

    var text: String {
        let rate = seconds > 0 ? Double(summary.samples) / seconds : 0
        return """
            imported \(summary.samples) samples, \(summary.newSeries) new series, \(summary.chunks) chunks \
            in \(String(format: "%.2f", seconds))s (\(String(format: "%.0f", rate)) samples/s); \
            skipped \(summary.duplicates) already stored, \(summary.conflicts) conflicting
            """
    }
}
