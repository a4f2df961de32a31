/// The nested messages of `zipkin.proto`: Endpoint, Annotation and the tags map entry.
extension SpanProtoDecoder {
    /// `Proto3ZipkinFields.EndpointField`: nil when nothing was set.
    static func endpoint(_ r: inout ProtoReader, end: Int, name: String) throws(ProtoFailure) -> Endpoint? {
        var e = Endpoint()
        while r.i < end {
            let k = try r.key(limit: end)
            switch k {
            case 1 << 3 | 2:
                e.setServiceName(try r.string(limit: end))
            case 2 << 3 | 2, 3 << 3 | 2:
                let raw = try r.bytes(limit: end)
                if !raw.isEmpty { e.parseIP(bytes: Array(raw)) }
            case 4 << 3 | 0:
                let at = r.i
                // int32 on the wire: a negative port is a 10-byte varint; keep its low 32 bits.
                let v = Int(Int32(truncatingIfNeeded: try r.varint(limit: end)))
                do throws(SpanValidationError) {
                    try e.setPort(v, field: name + ".port")
                } catch {
                    throw ProtoFailure(kind: .validation(error), offset: at, field: error.field)
                }
            default:
                try r.skip(key: k, limit: end)
            }
        }
        return e.isEmpty ? nil : e
    }

    /// `AnnotationField`: dropped (not an error) without a non-zero timestamp and a value.
    static func annotation(_ r: inout ProtoReader, end: Int) throws(ProtoFailure) -> Annotation? {
        var timestamp: Int64 = 0
        var value: String?
        while r.i < end {
            let k = try r.key(limit: end)
            switch k {
            case 1 << 3 | 1: timestamp = Int64(bitPattern: try r.fixed64(limit: end))
            case 2 << 3 | 2:
                let s = try r.string(limit: end)
                value = s.isEmpty ? nil : s
            default: try r.skip(key: k, limit: end)
            }
        }
        guard timestamp != 0, let value else { return nil }
        return Annotation(timestamp: timestamp, value: value)
    }

    /// `TagField` (a `map<string,string>` entry): dropped without a key; the value defaults
    /// to the empty string, which is a legitimate tag value (`error` → "").
    static func tag(_ r: inout ProtoReader, end: Int) throws(ProtoFailure) -> (String, String)? {
        var key: String?
        var value = ""
        while r.i < end {
            let k = try r.key(limit: end)
            switch k {
            case 1 << 3 | 2:
                let s = try r.string(limit: end)
                key = s.isEmpty ? nil : s
            case 2 << 3 | 2: value = try r.string(limit: end)
            default: try r.skip(key: k, limit: end)
            }
        }
        guard let key else { return nil }
        return (key, value)
    }
}
