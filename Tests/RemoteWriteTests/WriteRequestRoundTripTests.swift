import MeshMetrics
import Testing
@testable import RemoteWrite

/// encode → decode, streaming and the concatenation property.
@Suite struct WriteRequestRoundTripTests {
    typealias F = Fixtures

    static let varied = WriteRequest(
        timeseries: [
            RemoteTimeSeries(
                labels: Labels(name: "http_requests_total", ["path": "/ünïcødé/日本語", "emoji": "🚀✓", "q": "a\"b\\c\nd"]),
                samples: [
                    Sample(timestamp: -1, value: 1.5),
                    Sample(timestamp: Int64.min, value: -0.0),
                    Sample(timestamp: Int64.max, value: .infinity),
                    Sample(timestamp: 1_700_000_000_000, value: StaleNaN.value),
                    Sample(timestamp: 0, value: 0),
                    Sample(timestamp: 3, value: Double(bitPattern: 0x7ff8_0000_0000_0001)),
                ],
                exemplars: [
                    Exemplar(labels: Labels(["trace_id": "abc123", "span_id": "ß"]), value: 0.25, timestamp: -5),
                    Exemplar(labels: Labels([Label]()), value: 0, timestamp: nil),
                ]),
            RemoteTimeSeries(labels: Labels([Label]())),
            RemoteTimeSeries(labels: Labels(name: "up"), samples: [Sample(timestamp: 1, value: 1)]),
        ],
        metadata: MetricType.allCases.map {
            RemoteMetadata(familyName: "m_\($0.rawValue)", metadata: MetricMetadata(type: $0, help: "Hélp \($0)", unit: "seconds"))
        } + [RemoteMetadata(familyName: "", metadata: MetricMetadata())])

    @Test func roundTripKeepsEveryBit() throws {
        let decoded = try WriteRequestDecoder.decode(WriteRequestEncoder.encode(Self.varied))
        #expect(decoded.isIdentical(to: Self.varied))
        #expect(decoded.timeseries[0].samples[3].value.isStaleMarker)
        #expect(decoded.timeseries[0].samples[1].value.sign == .minus)
        #expect(decoded.metadata.map(\.metadata.type) == MetricType.allCases + [.unknown])
    }

    @Test func typicalRequestRoundTrips() throws {
        let request = F.typicalRequest(series: 200)
        let bytes = WriteRequestEncoder.encode(request)
        #expect(try WriteRequestDecoder.decode(bytes).isIdentical(to: request))
        // Through snappy, as sent on the wire.
        let wire = Snappy.compress(bytes)
        #expect(try WriteRequestDecoder.decode(Snappy.decompress(wire, maxLength: 1 << 24)).isIdentical(to: request))
    }

    @Test func streamingSeriesEqualsWholeRequest() {
        var buffer: [UInt8] = []
        for s in Self.varied.timeseries { WriteRequestEncoder.encode(series: s, into: &buffer) }
        for m in Self.varied.metadata { WriteRequestEncoder.encode(metadata: m, into: &buffer) }
        #expect(buffer == WriteRequestEncoder.encode(Self.varied))
    }

    @Test func encodingsConcatenate() throws {
        let a = F.typicalRequest(series: 5, seed: 1)
        let b = Self.varied
        let joined = try WriteRequestDecoder.decode(WriteRequestEncoder.encode(a) + WriteRequestEncoder.encode(b))
        #expect(joined.isIdentical(to: WriteRequest(timeseries: a.timeseries + b.timeseries,
                                                     metadata: a.metadata + b.metadata)))
    }

    @Test func labelsAreSentSortedByName() {
        let series = RemoteTimeSeries(labels: Labels(["b": "2", "a": "1", "C": "3"]))
        // Byte order of names: "C" (0x43) < "a" < "b".
        #expect(WriteRequestEncoder.encode(WriteRequest(timeseries: [series])) == F.hex("""
            0a 18  0a06 0a0143 120133  0a06 0a0161 120131  0a06 0a0162 120132
            """))
    }
}
