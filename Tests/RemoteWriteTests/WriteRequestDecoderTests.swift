import MeshMetrics
import Testing
@testable import RemoteWrite

/// What the decoder skips, and what it refuses with which path and offset.
@Suite struct WriteRequestDecoderTests {
    typealias F = Fixtures
    typealias E = WriteRequestDecodingError

    func decode(_ hex: String) throws(E) -> WriteRequest { try WriteRequestDecoder.decode(F.hex(hex)) }

    @Test func skipsUnknownFieldsOfEveryWireType() throws {
        let request = try WriteRequestDecoder.decode(WriteRequestGoldenTests.bytes("""
            12 03 010203                reserved field 2 of WriteRequest
            0a 31                       timeseries, 49 bytes
              0a 08 0a016e 120176 1801    labels n="v" plus an unknown varint field 3
              22 06 0a04 0a02 0801        histograms (4): nested messages, skipped
              78 9601                     field 15, varint
              85 01 01020304              field 16, fixed32
              89 01 0102030405060708      field 17, fixed64
              93 01 0801 9401             field 18, a group holding a varint
              12 04 1001 2801             samples: timestamp 1, unknown varint field 5
            1a 05 12016d 1807           metadata "m" with unknown field 3
            2b 33 0801 34 2c            field 5, a group nested in a group
            """))
        #expect(request == WriteRequest(
            timeseries: [RemoteTimeSeries(labels: Labels(["n": "v"]), samples: [Sample(timestamp: 1, value: 0)])],
            metadata: [RemoteMetadata(familyName: "m", metadata: MetricMetadata())]))
    }

    @Test func truncatedLengthNamesTheField() throws {
        // Three good series, then one whose first label name announces 5 bytes with 2 left.
        var bytes = WriteRequestEncoder.encode(WriteRequest(timeseries: F.typicalRequest(series: 3).timeseries))
        let prefix = bytes.count
        bytes += F.hex("0a 06 0a 04 0a 05 6162")
        let error = try #require(throws: E.self) { try WriteRequestDecoder.decode(bytes) }
        #expect(error == E(.truncated("length (5 announced, 2 left)"), at: prefix + 5, path: "timeseries[3].labels[0].name"))
        #expect(error.description == "timeseries[3].labels[0].name: truncated length (5 announced, 2 left) at byte \(prefix + 5)")
    }

    @Test func refusals() {
        func fails(_ hex: String, _ reason: E.Reason, at offset: Int, path: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(throws: E(reason, at: offset, path: path), sourceLocation: sourceLocation) { try decode(hex) }
        }
        // Invalid UTF-8 in a label value.
        fails("0a 08 0a 06 0a01 61 1201 ff", .invalidUTF8, at: 8, path: "timeseries[0].labels[0].value")
        // Sample value sent as a varint.
        fails("0a 04 12 02 0801", .wrongWireType(expected: 1, found: 0), at: 4, path: "timeseries[0].samples[0].value")
        // Timeseries sent as a varint.
        fails("08 01", .wrongWireType(expected: 2, found: 0), at: 0, path: "timeseries[0]")
        // Metadata type as a string.
        fails("1a 03 0a 01 41", .wrongWireType(expected: 0, found: 2), at: 2, path: "metadata[0].type")
        // A name sent twice (sorted order) and twice out of order.
        fails("0a 10 0a 06 0a01 61 1201 31 0a 06 0a01 61 1201 32", .duplicateLabelName("a"), at: 10,
              path: "timeseries[0].labels[1].name")
        fails("0a 18 0a06 0a0161 120131 0a06 0a0162 120131 0a06 0a0161 120132", .duplicateLabelName("a"), at: 2,
              path: "timeseries[0].labels")
        fails("00", .malformed("field number 0"), at: 0, path: "")
        fails("2e", .malformed("invalid wire type 6"), at: 0, path: "")
        fails("2c", .malformed("unmatched end of group 5"), at: 0, path: "")
        fails("2b 08 01", .truncated("group 5"), at: 3, path: "")
        fails("10 ffffffffffffffffffff01", .malformed("varint longer than 10 bytes"), at: 1, path: "")
        fails("0a 02 12 05", .truncated("length (5 announced, 0 left)"), at: 3, path: "timeseries[0].samples[0]")
        fails("0a 04 12 02 09 00", .truncated("fixed64 (1 bytes left)"), at: 5, path: "timeseries[0].samples[0].value")
        fails("0a 03 12 01 10", .truncated("varint"), at: 5, path: "timeseries[0].samples[0].timestamp")
    }

    @Test func unsortedLabelsAreCanonicalized() throws {
        let r = try decode("0a 10 0a06 0a0162 120131 0a06 0a0161 120132")
        #expect(r.timeseries[0].labels.pairs == [Label("a", "2"), Label("b", "1")])
    }

    @Test func absentFieldsReadAsDefaults() throws {
        // An empty label set, an empty sample, an exemplar without timestamp, empty metadata.
        let r = try decode("0a 04 12 00 1a 00 1a 00")
        #expect(r.timeseries == [RemoteTimeSeries(labels: Labels([Label]()), samples: [Sample(timestamp: 0, value: 0)],
                                                  exemplars: [Exemplar(labels: Labels([Label]()), value: 0, timestamp: nil)])])
        #expect(r.metadata == [RemoteMetadata(familyName: "", metadata: MetricMetadata())])
        // An unknown enum number reads as unknown (proto3 enums are open).
        #expect(try decode("1a 02 08 63").metadata[0].metadata.type == .unknown)
    }
}
