import Foundation
import MeshMetrics
import Storage

/// Scrape-shaped commits (one batch per scrape of N series) through `MetricsStore`,
/// to show what `storage.durability: full` costs against the default.
enum LiveAppendBench {
    static func run(durability: Durability, commits: Int, seriesPerCommit: Int, directory: String) async throws {
        try? FileManager.default.removeItem(atPath: directory)
        let store = try MetricsStore(directory: directory, durability: durability)
        let series = (0..<seriesPerCommit).map { Labels(name: "bench_requests_total", ["pod": "pod-\($0 % 100)", "path": "/p\($0)"]) }
        let start = Int64(Date().timeIntervalSince1970 * 1000)
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for commit in 0..<commits {
                var batch = AppendBatch()
                batch.entries.reserveCapacity(series.count)
                for (index, labels) in series.enumerated() {
                    batch.append(labels, Sample(timestamp: start + Int64(commit) * 15_000, value: Double(commit * (index % 7))))
                }
                try await store.append(batch)
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let samples = Double(commits * seriesPerCommit)
        print("live append, durability \(durability.rawValue): \(commits) commits of \(seriesPerCommit) samples in "
            + "\(Format.seconds(seconds)): \(String(format: "%.1f", Double(commits) / seconds)) commits/s, "
            + "\(Format.rate(samples / seconds)) samples/s")
    }
}
