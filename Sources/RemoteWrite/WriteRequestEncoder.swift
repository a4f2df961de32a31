import MeshMetrics

/// Writes `prometheus.WriteRequest` as protoc would: fields in number order, proto3
/// defaults (empty strings, zero numbers, UNKNOWN) left out, messages never packed.
/// Encoded requests concatenate: appending two encodings gives one request with both
/// lists, so series can be streamed into a buffer one at a time.
public enum WriteRequestEncoder {
    typealias W = ProtoWriter

    /// The whole request: all series (field 1), then all metadata (field 3).
    public static func encode(_ request: WriteRequest) -> [UInt8] {
        var out = [UInt8]()
        var size = 0
        for s in request.timeseries { size += W.messageSize(seriesSize(s)) }
        for m in request.metadata { size += W.messageSize(metadataSize(m)) }
        out.reserveCapacity(size)
        for s in request.timeseries { encode(series: s, into: &out) }
        for m in request.metadata { encode(metadata: m, into: &out) }
        return out
    }

    /// Appends one `timeseries` field (tag 1): a valid WriteRequest on its own.
    public static func encode(series: RemoteTimeSeries, into out: inout [UInt8]) {
        W.key(1, W.lengthDelimited, &out)
        W.varint(UInt64(seriesSize(series)), &out)
        for l in series.labels.pairs { label(1, l.name, l.value, &out) }
        for s in series.samples {
            W.key(2, W.lengthDelimited, &out)
            W.varint(UInt64(sampleSize(s)), &out)
            // A sample of value 0 at time 0 is an empty message, still present.
            if s.value.bitPattern != 0 { W.key(1, W.fixed64, &out); W.fixed64(s.value.bitPattern, &out) }
            if s.timestamp != 0 { W.key(2, W.varint, &out); W.varint(UInt64(bitPattern: s.timestamp), &out) }
        }
        for e in series.exemplars {
            W.key(3, W.lengthDelimited, &out)
            W.varint(UInt64(exemplarSize(e)), &out)
            for l in e.labels.pairs { label(1, l.name, l.value, &out) }
            if e.value.bitPattern != 0 { W.key(2, W.fixed64, &out); W.fixed64(e.value.bitPattern, &out) }
            let t = e.timestamp ?? 0
            if t != 0 { W.key(3, W.varint, &out); W.varint(UInt64(bitPattern: t), &out) }
        }
    }

    /// Appends one `metadata` field (tag 3): a valid WriteRequest on its own.
    public static func encode(metadata m: RemoteMetadata, into out: inout [UInt8]) {
        W.key(3, W.lengthDelimited, &out)
        W.varint(UInt64(metadataSize(m)), &out)
        let type = m.metadata.type.protoNumber
        if type != 0 { W.key(1, W.varint, &out); W.varint(type, &out) }
        W.string(2, m.familyName, &out)
        W.string(4, m.metadata.help, &out)
        W.string(5, m.metadata.unit, &out)
    }

    static func label(_ field: UInt64, _ name: String, _ value: String, _ out: inout [UInt8]) {
        W.key(field, W.lengthDelimited, &out)
        W.varint(UInt64(W.stringSize(name) + W.stringSize(value)), &out)
        W.string(1, name, &out)
        W.string(2, value, &out)
    }

    // Sizes of message bodies (without their own key and length).

    static func labelsSize(_ labels: Labels) -> Int {
        var n = 0
        for l in labels.pairs { n += W.messageSize(W.stringSize(l.name) + W.stringSize(l.value)) }
        return n
    }

    /// +0.0 is the proto3 default and left out; -0.0 and NaNs are written bit for bit.
    static func sampleSize(_ s: Sample) -> Int {
        (s.value.bitPattern != 0 ? 9 : 0)
            + (s.timestamp != 0 ? 1 + W.varintSize(UInt64(bitPattern: s.timestamp)) : 0)
    }

    static func exemplarSize(_ e: Exemplar) -> Int {
        let t = e.timestamp ?? 0
        return labelsSize(e.labels) + (e.value.bitPattern != 0 ? 9 : 0)
            + (t != 0 ? 1 + W.varintSize(UInt64(bitPattern: t)) : 0)
    }

    static func seriesSize(_ s: RemoteTimeSeries) -> Int {
        var n = labelsSize(s.labels)
        for x in s.samples { n += W.messageSize(sampleSize(x)) }
        for e in s.exemplars { n += W.messageSize(exemplarSize(e)) }
        return n
    }

    static func metadataSize(_ m: RemoteMetadata) -> Int {
        let type = m.metadata.type.protoNumber
        return (type != 0 ? 1 + W.varintSize(type) : 0) + W.stringSize(m.familyName)
            + W.stringSize(m.metadata.help) + W.stringSize(m.metadata.unit)
    }
}
