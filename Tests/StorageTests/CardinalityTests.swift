import MeshMetrics
import Storage
import Testing

/// `/api/v1/status/tsdb`'s numbers, counted from the postings of a real SQLite store.
@Suite("Cardinality from the postings")
struct CardinalityTests {
    @Test func listsCountSeriesPerMetricLabelAndPair() async throws {
        try await withTemporaryDirectory { directory in
            let store = try MetricsStore(directory: directory)
            #expect(try store.reader.cardinality(limit: 10) == StoreCardinality(), "an empty store")
            for pod in ["p1", "p2", "p3"] {
                _ = try await store.append(batch(Labels(name: "requests", ["pod": pod, "job": "mesh"]), baseTime, 1))
            }
            _ = try await store.append(batch(Labels(name: "up", ["job": "mesh"]), baseTime + minute, 1))
            _ = try await store.append(batch(Labels(name: "up", ["job": "node-exporter"]), baseTime + 2 * minute, 1))

            let all = try store.reader.cardinality(limit: 10)
            #expect(all.seriesCount == 5 && all.labelPairCount == 7)
            #expect(all.minTime == baseTime && all.maxTime == baseTime + 2 * minute)
            #expect(all.seriesCountByMetricName == [.init("requests", 3), .init("up", 2)])
            #expect(all.labelValueCountByLabelName == [.init("pod", 3), .init("__name__", 2), .init("job", 2)])
            // Bytes of values times the series carrying them: job = 4 × "mesh" + 13 ("node-exporter").
            #expect(all.memoryInBytesByLabelName == [.init("job", 4 * 4 + 13), .init("__name__", 3 * 8 + 2 * 2),
                                                     .init("pod", 3 * 2)])
            #expect(all.seriesCountByLabelValuePair.prefix(3) == [.init("job=mesh", 4), .init("__name__=requests", 3),
                                                                  .init("__name__=up", 2)])
            #expect(all.seriesCountByLabelValuePair.count == 7)

            let top = try store.reader.cardinality(limit: 1)
            #expect(top.seriesCountByMetricName == [.init("requests", 3)] && top.seriesCountByLabelValuePair.count == 1)
            #expect(top.seriesCount == 5, "the limit shortens the lists only")

            // Retention removes the oldest series and their pairs: the counts follow.
            _ = try await store.applyRetention(cutoff: baseTime + 2 * minute)
            let kept = try store.reader.cardinality(limit: 10)
            #expect(kept.seriesCount == 1 && kept.seriesCountByMetricName == [.init("up", 1)], "\(kept)")
            #expect(kept.seriesCountByLabelValuePair == [.init("__name__=up", 1), .init("job=node-exporter", 1)])
            #expect(kept.minTime == baseTime + 2 * minute)
        }
    }
}
