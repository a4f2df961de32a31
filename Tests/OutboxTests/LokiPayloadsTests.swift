import AccessLogs
import Foundation
import MeshMetrics
@testable import Outbox
import Testing

/// Access-log records as Loki push-API streams: grouped by service and namespace with the
/// external labels, each line the record's original bytes, nanosecond timestamps, and the
/// `{"streams":[...]}` body a forwarder sends.
@Suite struct LokiPayloadsTests {
    static func record(_ service: String?, namespace: String? = nil, micros: Int64, line: String) -> AccessLogRecord {
        AccessLogRecord(shape: .istio, timestampMicros: micros,
                        destination: AccessLogPeer(service: namespace == nil ? nil : "callee", namespace: namespace),
                        defaultService: service, raw: Array(line.utf8))
    }

    static func streams(_ body: [UInt8]) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return object?["streams"] as? [[String: Any]] ?? []
    }

    @Test func recordsBecomeStreamsWithTheirOriginalLines() throws {
        let payloads = LokiPayloads(externalLabels: Labels(["cluster": "east"]), maxPerSend: 3)
        let records = [
            Self.record("reviews", namespace: "shop", micros: 1_700_000_000_000_002, line: #"{"path":"/b","q":"\"x\""}"#),
            Self.record("ratings", micros: 1_700_000_000_000_001, line: #"{"path":"/r"}"#),
            Self.record("reviews", namespace: "shop", micros: 1_700_000_000_000_001, line: #"{"path":"/a"}"#),
            Self.record(nil, micros: 1_700_000_000_000_003, line: "{}"),
        ]
        let parts = payloads.payloads(records)
        #expect(parts.map(\.count) == [3, 1], "at most maxPerSend records a payload")
        let destination = ForwardDestination(name: "loki", url: "http://127.0.0.1:1/loki/api/v1/push", format: .lokiJSON)
        #expect(destination.signal == "records")
        let body = destination.body(parts.map { OutboxItem(id: 0, enqueuedMilliseconds: 0, count: $0.count, payload: $0.payload) })
        let streams = try Self.streams(body)
        #expect(streams.count == 3)
        let reviews = try #require(streams.first)
        #expect(reviews["stream"] as? [String: String] == ["cluster": "east", "service": "reviews", "namespace": "shop"])
        // Oldest first within a stream; timestamps in nanoseconds, as strings.
        #expect(reviews["values"] as? [[String]] == [["1700000000000001000", #"{"path":"/a"}"#],
                                                     ["1700000000000002000", #"{"path":"/b","q":"\"x\""}"#]])
        #expect(streams[1]["stream"] as? [String: String] == ["cluster": "east", "service": "ratings"])
        #expect(streams[2]["stream"] as? [String: String] == ["cluster": "east", "service": "unknown"])
    }
}
