import MeshMetrics

/// Reads `prometheus.WriteRequest` bytes. Unknown fields of any wire type are skipped
/// (native histograms, field 4 of TimeSeries, among them); known fields must carry
/// their declared wire type; strings must be UTF-8. Repeated messages may arrive in any
/// interleaving, so concatenated encodings decode to the concatenated lists.
public enum WriteRequestDecoder {
    typealias R = ProtoReader
    typealias Failure = WriteRequestDecodingError

    /// Decodes a whole request (the bytes after snappy decompression).
    public static func decode(_ bytes: [UInt8]) throws(WriteRequestDecodingError) -> WriteRequest {
        let result: Result<WriteRequest, Failure> = bytes.withUnsafeBufferPointer { p in
            var r = ProtoReader(p)
            do throws(Failure) { return .success(try request(&r, limit: p.count)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    static func request(_ r: inout R, limit: Int) throws(Failure) -> WriteRequest {
        var out = WriteRequest()
        while r.i < limit {
            let at = r.i
            let k = try r.key(limit: limit)
            switch k >> 3 {
            case 1:
                out.timeseries.append(try r.field(k, R.lengthDelimited, at: at, "timeseries[\(out.timeseries.count)]") {
                    (r: inout R) throws(Failure) in try series(&r, limit: try r.length(limit: limit))
                })
            case 3:
                out.metadata.append(try r.field(k, R.lengthDelimited, at: at, "metadata[\(out.metadata.count)]") {
                    (r: inout R) throws(Failure) in try metadata(&r, limit: try r.length(limit: limit))
                })
            default: try r.skip(key: k, at: at, limit: limit)
            }
        }
        return out
    }

    static func series(_ r: inout R, limit: Int) throws(Failure) -> RemoteTimeSeries {
        let start = r.i
        var labels = LabelCollector()
        var samples: [Sample] = []
        var exemplars: [Exemplar] = []
        while r.i < limit {
            let at = r.i
            let k = try r.key(limit: limit)
            switch k >> 3 {
            case 1: try labelField(&r, k, at: at, limit: limit, into: &labels)
            case 2:
                samples.append(try r.field(k, R.lengthDelimited, at: at, "samples[\(samples.count)]") {
                    (r: inout R) throws(Failure) in try sample(&r, limit: try r.length(limit: limit))
                })
            case 3:
                exemplars.append(try r.field(k, R.lengthDelimited, at: at, "exemplars[\(exemplars.count)]") {
                    (r: inout R) throws(Failure) in try exemplar(&r, limit: try r.length(limit: limit))
                })
            default: try r.skip(key: k, at: at, limit: limit)
            }
        }
        return RemoteTimeSeries(labels: try labels.labels(at: start, path: "labels"),
                                samples: samples, exemplars: exemplars)
    }

    /// A `labels` entry of a series or an exemplar; a repeated name is an error at its path.
    private static func labelField(_ r: inout R, _ k: UInt64, at: Int, limit: Int,
                                   into labels: inout LabelCollector) throws(Failure) {
        try r.field(k, R.lengthDelimited, at: at, "labels[\(labels.pairs.count)]") { (r: inout R) throws(Failure) in
            try labels.add(try label(&r, limit: try r.length(limit: limit)), at: at)
        }
    }

    static func label(_ r: inout R, limit: Int) throws(Failure) -> Label {
        var l = Label("", "")
        while r.i < limit {
            let at = r.i
            let k = try r.key(limit: limit)
            switch k >> 3 {
            case 1: l.name = try r.stringField(k, at: at, limit: limit, "name")
            case 2: l.value = try r.stringField(k, at: at, limit: limit, "value")
            default: try r.skip(key: k, at: at, limit: limit)
            }
        }
        return l
    }

    static func sample(_ r: inout R, limit: Int) throws(Failure) -> Sample {
        var s = Sample(timestamp: 0, value: 0)
        while r.i < limit {
            let at = r.i
            let k = try r.key(limit: limit)
            switch k >> 3 {
            case 1: s.value = try r.doubleField(k, at: at, limit: limit, "value")
            case 2: s.timestamp = try r.int64Field(k, at: at, limit: limit, "timestamp")
            default: try r.skip(key: k, at: at, limit: limit)
            }
        }
        return s
    }

    /// An absent (zero) timestamp reads as nil, the way the encoder writes nil.
    static func exemplar(_ r: inout R, limit: Int) throws(Failure) -> Exemplar {
        let start = r.i
        var labels = LabelCollector()
        var value = 0.0
        var timestamp: Int64 = 0
        while r.i < limit {
            let at = r.i
            let k = try r.key(limit: limit)
            switch k >> 3 {
            case 1: try labelField(&r, k, at: at, limit: limit, into: &labels)
            case 2: value = try r.doubleField(k, at: at, limit: limit, "value")
            case 3: timestamp = try r.int64Field(k, at: at, limit: limit, "timestamp")
            default: try r.skip(key: k, at: at, limit: limit)
            }
        }
        return Exemplar(labels: try labels.labels(at: start, path: "labels"), value: value,
                        timestamp: timestamp == 0 ? nil : timestamp)
    }

    static func metadata(_ r: inout R, limit: Int) throws(Failure) -> RemoteMetadata {
        var m = RemoteMetadata(familyName: "", metadata: MetricMetadata())
        while r.i < limit {
            let at = r.i
            let k = try r.key(limit: limit)
            switch k >> 3 {
            case 1:
                m.metadata.type = MetricType(protoNumber: try r.field(k, R.varint, at: at, "type") {
                    (r: inout R) throws(Failure) in try r.varint(limit: limit)
                })
            case 2: m.familyName = try r.stringField(k, at: at, limit: limit, "metric_family_name")
            case 4: m.metadata.help = try r.stringField(k, at: at, limit: limit, "help")
            case 5: m.metadata.unit = try r.stringField(k, at: at, limit: limit, "unit")
            default: try r.skip(key: k, at: at, limit: limit)
            }
        }
        return m
    }
}
