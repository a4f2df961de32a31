import Foundation
import MeshMetrics
import Storage
import Traces

/// The data `bench forward` stores: `scrapes` appends of `series` samples each (an
/// Istio-like label set, timestamps 1 s apart ending now) and whole generated traces,
/// split in two halves (before and during the outage).
struct ForwardBenchWorkload {
    let series: Int
    let scrapes: Int
    let labels: [Labels]
    let traceBatches: [[Span]]
    let startMilliseconds: Int64

    init(series: Int, scrapes: Int, spans: Int) throws {
        self.series = series
        self.scrapes = scrapes
        let services = SpanDataset.services.map(\.name)
        labels = (0..<series).map { index in
            Labels(name: "istio_requests_total", [
                "job": "bench", "reporter": index % 2 == 0 ? "source" : "destination",
                "source_workload": services[index % services.count],
                "destination_service_name": services[(index / services.count) % services.count],
                "response_code": ["200", "503", "404"][index % 3], "pod": "pod-\(index)",
            ])
        }
        startMilliseconds = Int64(Date().timeIntervalSince1970 * 1000) - Int64(scrapes) * 1000
        var dataset = SpanDataset(nowMicros: Int64(Date().timeIntervalSince1970 * 1_000_000))
        var batches: [[Span]] = []
        var total = 0
        while total < spans {
            let trace = try dataset.nextTrace()
            batches.append(trace.spans)
            total += trace.spans.count
        }
        traceBatches = batches
    }

    private func scrapeRange(half: Int) -> Range<Int> { half == 0 ? 0..<(scrapes / 2) : (scrapes / 2)..<scrapes }
    private func traceRange(half: Int) -> Range<Int> {
        half == 0 ? 0..<(traceBatches.count / 2) : (traceBatches.count / 2)..<traceBatches.count
    }

    func samples(half: Int) -> Int { scrapeRange(half: half).count * series }
    func spans(half: Int) -> Int { traceRange(half: half).reduce(0) { $0 + traceBatches[$1].count } }

    /// Appends one half: scrapes in time order, then traces in batches of 10.
    func append(half: Int, store: MetricsStore, traces: TraceStore) async throws {
        for scrape in scrapeRange(half: half) {
            var batch = AppendBatch()
            let timestamp = startMilliseconds + Int64(scrape) * 1000
            for (index, series) in labels.enumerated() {
                batch.append(series, Sample(timestamp: timestamp, value: Double(scrape * (index % 7 + 1))))
            }
            try await store.append(batch)
        }
        let range = traceRange(half: half)
        var index = range.lowerBound
        while index < range.upperBound {
            let end = min(index + 10, range.upperBound)
            try await traces.append(Array(traceBatches[index..<end].joined()))
            index = end
        }
    }
}
