import AccessLogs
import MeshMetrics
import Traces

/// Turns stored access-log records into queue payloads for one Loki destination: at most
/// `maxPerSend` records each, as Loki push-API stream objects joined by commas (the
/// request wraps them in `{"streams":[...]}`). A record's line is its original JSON, kept
/// byte for byte; its stream is the writing service and namespace plus the collector's
/// external labels, few values each, as Loki wants its labels.
public struct LokiPayloads: Sendable {
    public let externalLabels: Labels
    public let maxPerSend: Int

    public init(externalLabels: Labels, maxPerSend: Int) {
        self.externalLabels = externalLabels
        self.maxPerSend = max(1, maxPerSend)
    }

    public func payloads(_ records: [AccessLogRecord]) -> [(payload: [UInt8], count: Int)] {
        var out: [(payload: [UInt8], count: Int)] = []
        var start = 0
        while start < records.count {
            let slice = records[start..<min(start + maxPerSend, records.count)]
            out.append((encode(slice), slice.count))
            start += slice.count
        }
        return out
    }

    /// The stream a record belongs to: `service` (the service that wrote the log, else the
    /// called one), `namespace` when known, and the external labels.
    public func streamLabels(_ record: AccessLogRecord) -> Labels {
        var pairs = externalLabels.pairs
        pairs.append(Label("service", record.defaultService ?? record.destination.name ?? record.source.name ?? "unknown"))
        if let namespace = record.destination.namespace ?? record.source.namespace {
            pairs.append(Label("namespace", namespace))
        }
        return Labels(pairs)
    }

    private func encode(_ records: ArraySlice<AccessLogRecord>) -> [UInt8] {
        var streams: [Labels: [AccessLogRecord]] = [:]
        var order: [Labels] = []
        for record in records {
            let labels = streamLabels(record)
            if streams[labels] == nil { order.append(labels) }
            streams[labels, default: []].append(record)
        }
        var out: [UInt8] = []
        for (index, labels) in order.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"stream":{"#.utf8)
            for (position, label) in labels.pairs.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\""))
                SpanJSONEncoder.escaped(label.name, &out)
                out.append(contentsOf: #"":""#.utf8)
                SpanJSONEncoder.escaped(label.value, &out)
                out.append(UInt8(ascii: "\""))
            }
            out.append(contentsOf: #"},"values":["#.utf8)
            // Oldest first within a stream, as Loki's ordered ingestion wants.
            let lines = (streams[labels] ?? []).sorted { $0.timestampMicros < $1.timestampMicros }
            for (position, record) in lines.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"[""#.utf8)
                out.append(contentsOf: String(record.timestampMicros &* 1000).utf8)
                out.append(contentsOf: #"",""#.utf8)
                SpanJSONEncoder.escaped(String(decoding: record.raw, as: UTF8.self), &out)
                out.append(contentsOf: #""]"#.utf8)
            }
            out.append(contentsOf: "]}".utf8)
        }
        return out
    }
}
