import MeshMetrics
import Testing
@testable import RemoteWrite

/// Bytes worked out by hand from the proto rules (key = field << 3 | wire type;
/// 0 varint, 1 fixed64, 2 length-delimited), as protoc would write them.
@Suite struct WriteRequestGoldenTests {
    typealias F = Fixtures

    static let tiny = WriteRequest(
        timeseries: [RemoteTimeSeries(labels: Labels(name: "up", ["job": "a"]),
                                      samples: [Sample(timestamp: 1000, value: 1)])],
        metadata: [RemoteMetadata(familyName: "up", metadata: MetricMetadata(type: .gauge, help: "h"))])

    static let tinyHex = """
        0a 28                         timeseries (1, LEN) 40 bytes
          0a 0e                         labels (1, LEN) 14 bytes
            0a 08 5f5f6e616d655f5f        name "__name__"
            12 02 7570                    value "up"
          0a 08                         labels 8 bytes
            0a 03 6a6f62                  name "job"
            12 01 61                      value "a"
          12 0c                         samples (2, LEN) 12 bytes
            09 000000000000f03f           value (1, I64) 1.0 little-endian
            10 e807                       timestamp (2, VARINT) 1000
        1a 09                         metadata (3, LEN) 9 bytes
          08 02                         type GAUGE
          12 02 7570                    metric_family_name "up"
          22 01 68                      help (4) "h"; unit "" left out
        """

    /// Drops the comments: the hex is the leading pairs of each line.
    static func bytes(_ annotated: String) -> [UInt8] {
        F.hex(annotated.split(separator: "\n").map { line in
            line.split(separator: " ").prefix { $0.allSatisfy(\.isHexDigit) }.joined()
        }.joined())
    }

    @Test func tinyRequest() throws {
        let expected = Self.bytes(Self.tinyHex)
        #expect(expected.count == 53)
        #expect(WriteRequestEncoder.encode(Self.tiny) == expected)
        #expect(try WriteRequestDecoder.decode(expected) == Self.tiny)
    }

    @Test func defaultsAndNegativeTimestamps() throws {
        let series = RemoteTimeSeries(labels: Labels(name: "x"), samples: [
            Sample(timestamp: 0, value: 0),       // all defaults: an empty, but present, message
            Sample(timestamp: -1, value: 0),      // two's complement: ten varint bytes
            Sample(timestamp: 5, value: StaleNaN.value),
        ], exemplars: [Exemplar(labels: Labels(["trace_id": "t"]), value: 2, timestamp: nil)])
        let expected = Self.bytes("""
            0a 45                           timeseries 69 bytes
              0a 0d 0a08 5f5f6e616d655f5f 1201 78   labels __name__="x"
              12 00                           samples[0]: empty
              12 0b 10 ffffffffffffffffff01   samples[1]: timestamp -1
              12 0b                           samples[2]
                09 020000000000f07f             stale NaN 0x7ff0000000000002
                10 05                           timestamp 5
              1a 18                           exemplars (3, LEN) 24 bytes
                0a 0d 0a08 74726163655f6964 1201 74   labels trace_id="t"
                11 0000000000000040             value (2, I64) 2.0; nil timestamp left out
            """)
        let encoded = WriteRequestEncoder.encode(WriteRequest(timeseries: [series]))
        #expect(encoded == expected)
        #expect(try WriteRequestDecoder.decode(encoded).isIdentical(to: WriteRequest(timeseries: [series])))
    }

    @Test func emptyRequestIsEmptyBytes() throws {
        #expect(WriteRequestEncoder.encode(WriteRequest()) == [])
        #expect(try WriteRequestDecoder.decode([]) == WriteRequest())
    }
}
