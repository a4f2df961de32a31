import MeshMetrics
import Storage
import Testing

/// HELP/TYPE/UNIT metadata and exemplars: stored with their batch and read back exactly.
@Suite("Metadata and exemplars")
struct MetadataExemplarTests {
    let bucket = Labels(name: "latency_seconds_bucket", ["job": "api", "le": "0.5"])
    let requests = Labels(name: "requests_total", ["job": "api"])

    @Test("metadata is stored per family, updated in place and kept across reopen", arguments: StoreFactory.all)
    func metadataRoundTrip(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let requestsMeta = MetricMetadata(type: .counter, help: "Requests \"served\"\nwith \\ escapes ü", unit: "")
            let latencyMeta = MetricMetadata(type: .histogram, help: "Latency.", unit: "seconds")
            do {
                let store = try factory.open(directory)
                var scrape = batch(requests, baseTime, 1)
                scrape.metadata = ["requests": requestsMeta, "latency_seconds": latencyMeta]
                _ = try await store.append(scrape)
                #expect(try await store.storedMetadata() == ["requests": requestsMeta, "latency_seconds": latencyMeta])

                // A later batch changes one family and adds another; the third stays as it was.
                let changed = MetricMetadata(type: .gauge, help: "Now a gauge.", unit: "requests")
                let info = MetricMetadata(type: .info, help: "", unit: "")
                var next = batch(requests, baseTime + second, 2)
                next.metadata = ["requests": changed, "build": info]
                _ = try await store.append(next)
                #expect(try await store.storedMetadata() == ["requests": changed, "latency_seconds": latencyMeta, "build": info])

                // Metadata alone (no samples) is committed too.
                _ = try await store.append(AppendBatch(metadata: ["requests": requestsMeta]))
                #expect(try await store.storedMetadata()["requests"] == requestsMeta)
            }
            let reopened = try factory.open(directory)
            #expect(try await reopened.storedMetadata() == [
                "requests": requestsMeta, "latency_seconds": latencyMeta,
                "build": MetricMetadata(type: .info, help: "", unit: ""),
            ])
            try await expectIntact(reopened)
        }
    }

    @Test("exemplars come back with exact labels, value bits and timestamp", arguments: StoreFactory.all)
    func exemplarRoundTrip(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            let nanPayload = Double(bitPattern: 0x7ff8_dead_beef_0001)
            let traced = Exemplar(labels: Labels(["trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "span": "q\"u\\o\nte ü→"]),
                                  value: 0.25, timestamp: baseTime - 500)
            let odd = Exemplar(labels: Labels(["trace_id": "nan"]), value: nanPayload, timestamp: baseTime + 10 * second)
            let stale = Exemplar(labels: Labels(["trace_id": "stale"]), value: StaleNaN.value, timestamp: baseTime + 20 * second)
            _ = try await store.append(batch(bucket, baseTime, 3, exemplar: traced))
            _ = try await store.append(batch(bucket, baseTime + 10 * second, 4, exemplar: odd))
            _ = try await store.append(batch(requests, baseTime + 20 * second, 5, exemplar: stale))
            // The same exemplar again with the next sample is not stored twice.
            _ = try await store.append(batch(bucket, baseTime + 15 * second, 5, exemplar: odd))
            // An exemplar on a rejected sample is dropped with it.
            let rejected = Exemplar(labels: Labels(["trace_id": "late"]), value: 1, timestamp: baseTime + 12 * second)
            #expect(try await store.append(batch(bucket, baseTime + 15 * second, 9, exemplar: rejected)).conflicts == 1)
            #expect(try await store.append(batch(bucket, baseTime, 9, exemplar: rejected)).outOfOrder == 1)

            let found = try await store.exemplars(allSeriesMatcher(), from: .min, through: .max)
            #expect(found.map(\.labels) == [bucket, requests])
            let bucketExemplars = found.first { $0.labels == bucket }?.exemplars ?? []
            #expect(bucketExemplars.map(\.labels) == [traced.labels, odd.labels])
            #expect(bucketExemplars.map(\.value.bitPattern) == [Double(0.25).bitPattern, nanPayload.bitPattern])
            #expect(bucketExemplars.map(\.timestamp) == [traced.timestamp, odd.timestamp])
            #expect(bucketExemplars.first?.labels["span"] == "q\"u\\o\nte ü→")
            let requestExemplar = found.first { $0.labels == requests }?.exemplars.first
            #expect(requestExemplar?.value.bitPattern == StaleNaN.bitPattern)
            #expect(requestExemplar?.labels == stale.labels)

            // Time range and matchers apply; the range is inclusive on both ends.
            let ranged = try await store.exemplars(named("latency_seconds_bucket"), from: baseTime - 500, through: baseTime + 9_999)
            #expect(ranged.count == 1)
            #expect(ranged.first?.exemplars.map(\.labels) == [traced.labels])
            #expect(try await store.exemplars(named("requests_total"), from: .min, through: baseTime + 19_999).isEmpty)

            // Exemplars survive a reopen.
            let reopened = try factory.open(directory)
            let again = try await reopened.exemplars(allSeriesMatcher(), from: .min, through: .max)
            #expect(again.flatMap(\.exemplars).map(\.value.bitPattern) == [Double(0.25).bitPattern, nanPayload.bitPattern, StaleNaN.bitPattern])
            try await expectIntact(reopened)
        }
    }

    @Test("an exemplar without a timestamp is kept at its sample's timestamp", arguments: StoreFactory.all)
    func exemplarWithoutTimestamp(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try factory.open(directory)
            let untimed = Exemplar(labels: Labels(["trace_id": "abc"]), value: 0.7, timestamp: nil)
            _ = try await store.append(batch(bucket, baseTime + minute, 1, exemplar: untimed))
            let found = try await store.exemplars(allSeriesMatcher(), from: baseTime, through: baseTime + hour)
            #expect(found.first?.exemplars.map(\.timestamp) == [baseTime + minute])
            #expect(found.first?.exemplars.map(\.labels) == [untimed.labels])

            // Retention measures it by that timestamp too, not as if it were from 1970.
            let retention = try await store.applyRetention(cutoff: baseTime)
            #expect(retention.chunksDeleted == 0)
            #expect(try await store.exemplars(allSeriesMatcher(), from: .min, through: .max).flatMap(\.exemplars).count == 1)
            try await expectIntact(store)
        }
    }
}
