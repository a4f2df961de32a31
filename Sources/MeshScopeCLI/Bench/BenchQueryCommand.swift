import ArgumentParser
import Foundation
import MeshMetrics
import PromQL
import Storage
import StorageQuery

/// `meshscope bench query`: the golden-signal queries of a mesh dashboard over the ingest
/// benchmark's dataset — by the engine alone (`--engine`), or over HTTP side by side
/// with a Prometheus server holding the same data.
struct BenchQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Time dashboard PromQL queries on the ingest dataset, side by side with Prometheus when installed.",
        discussion: """
            Without --engine: starts `meshscope serve` on the imported dataset and, where Debian's `prometheus` \
            package is installed, a Prometheus server on the same data backfilled with promtool; sends both the \
            same instant and 1-hour/15 s range queries, checks the answers agree (relative tolerance 1e-6) and \
            prints MeshScope/Prometheus latency ratios. With --engine: the engine alone, samples decoded per second.
            """)

    @Flag(help: "Time the engine alone, reading SQLite directly, instead of both servers over HTTP.")
    var engine = false

    @Option(help: "Approximate number of series in the dataset.")
    var series = 10_000

    @Option(help: "Hours of data.")
    var hours = 2.0

    @Option(help: "Step of the 1-hour range queries, seconds.")
    var step = 15

    @Option(help: "Repetitions of each query (the median is printed).")
    var repetitions = 5

    @Option(help: "Working directory (default: a new temporary directory, removed afterwards).")
    var workDir: String?

    static let queries: [(name: String, query: String)] = [
        ("request rate per destination service",
         "sum by (destination_service) (rate(istio_requests_total[5m]))"),
        ("error ratio per destination service",
         #"sum by (destination_service) (rate(istio_requests_total{response_code=~"5.."}[5m])) / sum by (destination_service) (rate(istio_requests_total[5m]))"#),
        ("p50 latency per destination service",
         "histogram_quantile(0.5, sum by (destination_service, le) (rate(istio_request_duration_milliseconds_bucket[5m])))"),
        ("p95 latency per destination service",
         "histogram_quantile(0.95, sum by (destination_service, le) (rate(istio_request_duration_milliseconds_bucket[5m])))"),
        ("p99 latency per destination service",
         "histogram_quantile(0.99, sum by (destination_service, le) (rate(istio_request_duration_milliseconds_bucket[5m])))"),
        ("top 5 slowest services (p99)",
         "topk(5, histogram_quantile(0.99, sum by (destination_service, le) (rate(istio_request_duration_milliseconds_bucket[5m]))))"),
    ]

    func run() async throws {
        let directory = workDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-qbench-\(getpid())")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if workDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let dataDir = (directory as NSString).appendingPathComponent("data")
        let dataset = MeshDataset(targetSeries: series, hours: hours, intervalSeconds: 15,
                                  start: BenchIngestCommand.blockAlignedStart(hours: hours))
        print("machine: \(MachineInfo.summary)")
        print("dataset: \(dataset.seriesCount) series x \(dataset.points) points = \(dataset.sampleCount) samples")
        let file = (directory as NSString).appendingPathComponent("mesh.om")
        if !FileManager.default.fileExists(atPath: file) {
            let bar = ProgressBar(label: "generate")
            try dataset.write(to: file) { bar.update(fraction: $0, detail: "") }
            bar.finish()
        }
        if !FileManager.default.fileExists(atPath: (dataDir as NSString).appendingPathComponent(MetricsStore.fileName)) {
            let writer = try BackfillWriter(directory: dataDir)
            try InputFile.read(file).withUnsafeBytes { try MetricsImporter(writer: writer).run($0, format: .openMetrics) }
        }
        let end = dataset.start + Int64(dataset.points - 1) * dataset.intervalMilliseconds
        guard engine else {
            // Off the 15 s sample grid, so no sample sits on a window edge (where
            // Prometheus 2.x and 3.x select differently).
            let evaluationTime = Double(end - 60_000 + 7_000) / 1000
            try await PrometheusComparison(directory: directory, meshscopeData: dataDir, datasetFile: file,
                                           queries: Self.queries, evaluationTime: evaluationTime,
                                           repetitions: repetitions).run()
            return
        }
        let store = try MetricsStore(directory: dataDir)
        let promql = PromQLEngine(queryable: SQLiteQueryable(reader: store.reader))
        print("instant queries at the end of the data; range queries over the last hour at a \(step)s step")
        for (name, query) in Self.queries {
            let instant = try await measure { try await promql.instantQuery(query, at: end) }
            let range = try await measure { try await promql.rangeQuery(query, start: end - 3_600_000, end: end, step: Int64(step) * 1000) }
            print("\(name):")
            print("  instant \(Format.milliseconds(instant.seconds)), \(instant.result.samplesLoaded) samples decoded "
                + "(\(Format.rate(Double(instant.result.samplesLoaded) / instant.seconds))/s)")
            print("  range   \(Format.milliseconds(range.seconds)), \(range.result.samplesLoaded) samples decoded "
                + "(\(Format.rate(Double(range.result.samplesLoaded) / range.seconds))/s), \(resultSize(range.result)) series")
        }
    }

    private func measure(_ body: () async throws -> QueryResult) async throws -> (seconds: Double, result: QueryResult) {
        var timings: [Double] = []
        var last: QueryResult?
        for _ in 0..<max(1, repetitions) {
            let clock = ContinuousClock()
            var result: QueryResult?
            let elapsed = try await clock.measure { result = try await body() }
            timings.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            last = result
        }
        return (timings.sorted()[timings.count / 2], last!)
    }

    private func resultSize(_ result: QueryResult) -> Int {
        switch result.value {
        case .matrix(let series): series.count
        case .vector(let elements): elements.count
        default: 1
        }
    }
}
