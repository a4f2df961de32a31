import Foundation
import MeshMetrics
import Storage
import Testing

/// Helpers for the backfill tests: OpenMetrics text with timestamps, running an import
/// the way `meshscope import` does, and counting what is physically stored.

/// OpenMetrics seconds with exactly three decimals, from milliseconds.
func openMetricsTime(_ milliseconds: Int64) -> String {
    let fraction = String(milliseconds % 1_000)
    return "\(milliseconds / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}

/// One sample line: `series value timestamp`.
func sampleLine(_ series: String, _ sample: Sample) -> String {
    "\(series) \(sample.value) \(openMetricsTime(sample.timestamp))"
}

/// An OpenMetrics exposition of `lines`, terminated by `# EOF`.
func openMetricsText(_ lines: [String]) -> String {
    (lines + ["# EOF"]).joined(separator: "\n") + "\n"
}

/// What one import did: the writer's summary and the error it stopped with, if any.
struct ImportOutcome {
    var summary: BackfillSummary
    var error: ImportError?
}

/// Imports `text` into the metrics store in `directory`, as `meshscope import` does.
func runImport(_ text: String, into directory: String, batchSamples: Int = 1_000_000) throws -> ImportOutcome {
    let writer = try BackfillWriter(directory: directory)
    let importer = MetricsImporter(writer: writer, batchSamples: batchSamples)
    let bytes = Array(text.utf8)
    let error: ImportError? = bytes.withUnsafeBytes { buffer -> ImportError? in
        do {
            try importer.run(buffer, format: .openMetrics)
            return nil
        } catch {
            return error as? ImportError
        }
    }
    return ImportOutcome(summary: writer.summary, error: error)
}

/// Samples physically stored in `directory`, duplicates included (from the chunk headers).
func storedSampleCount(_ directory: String) throws -> Int64 {
    try DiskUsage.measure(directory: directory).samples
}

/// Everything `select` finds in the SQLite store in `directory`, opened for the occasion.
func selectAll(in directory: String) async throws -> [StoredSeries] {
    let store = try MetricsStore(directory: directory)
    return try await store.select(allSeriesMatcher(), from: .min, through: .max)
}

func liveAppend(_ directory: String, _ labels: Labels, _ samples: [Sample]) async throws {
    let store = try MetricsStore(directory: directory)
    let summary = try await store.append(batch(labels, samples))
    #expect(summary.appended == samples.count)
}
