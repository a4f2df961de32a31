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
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    out.timeseries.append(try series(&r, limit: try r.length(limit: limit)))
                } catch { throw error.under("timeseries[\(out.timeseries.count)]") }
            case 3:
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    out.metadata.append(try metadata(&r, limit: try r.length(limit: limit)))
                } catch { throw error.under("metadata[\(out.metadata.count)]") }
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
            case 1:
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    try labels.add(try label(&r, limit: try r.length(limit: limit)), at: at)
                } catch { throw error.under("labels[\(labels.pairs.count)]") }
            case 2:
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    samples.append(try sample(&r, limit: try r.length(limit: limit)))
                } catch { throw error.under("samples[\(samples.count)]") }
            case 3:
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    exemplars.append(try exemplar(&r, limit: try r.length(limit: limit)))
                } catch { throw error.under("exemplars[\(exemplars.count)]") }
            default: try r.skip(key: k, at: at, limit: limit)
            }
        }
        return RemoteTimeSeries(labels: try labels.labels(at: start, path: "labels"),
                                samples: samples, exemplars: exemplars)
    }

    static func label(_ r: inout R, limit: Int) throws(Failure) -> Label {
        var l = Label("", "")
        while r.i < limit {
            let at = r.i
            let k = try r.key(limit: limit)
            switch k >> 3 {
            case 1:
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    l.name = try r.string(limit: limit)
                } catch { throw error.under("name") }
            case 2:
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    l.value = try r.string(limit: limit)
                } catch { throw error.under("value") }
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
            case 1:
                do throws(Failure) {
                    try r.expect(k, R.fixed64, at: at)
                    s.value = Double(bitPattern: try r.fixed64(limit: limit))
                } catch { throw error.under("value") }
            case 2:
                do throws(Failure) {
                    try r.expect(k, R.varint, at: at)
                    s.timestamp = Int64(bitPattern: try r.varint(limit: limit))
                } catch { throw error.under("timestamp") }
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
            case 1:
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    try labels.add(try label(&r, limit: try r.length(limit: limit)), at: at)
                } catch { throw error.under("labels[\(labels.pairs.count)]") }
            case 2:
                do throws(Failure) {
                    try r.expect(k, R.fixed64, at: at)
                    value = Double(bitPattern: try r.fixed64(limit: limit))
                } catch { throw error.under("value") }
            case 3:
                do throws(Failure) {
                    try r.expect(k, R.varint, at: at)
                    timestamp = Int64(bitPattern: try r.varint(limit: limit))
                } catch { throw error.under("timestamp") }
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
                do throws(Failure) {
                    try r.expect(k, R.varint, at: at)
                    m.metadata.type = MetricType(protoNumber: try r.varint(limit: limit))
                } catch { throw error.under("type") }
            case 2, 4, 5:
                let name = k >> 3 == 2 ? "metric_family_name" : k >> 3 == 4 ? "help" : "unit"
                do throws(Failure) {
                    try r.expect(k, R.lengthDelimited, at: at)
                    let s = try r.string(limit: limit)
                    switch k >> 3 {
                    case 2: m.familyName = s
                    case 4: m.metadata.help = s
                    default: m.metadata.unit = s
                    }
                } catch { throw error.under(name) }
            default: try r.skip(key: k, at: at, limit: limit)
            }
        }
        return m
    }
}
