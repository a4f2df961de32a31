/// Decodes proto3 `zipkin.proto3.ListOfSpans` (`SpanBytesDecoder.PROTO3`), written by hand
/// from `zipkin.proto` as Zipkin's `Proto3ZipkinFields` reads it:
/// - ids are raw bytes printed as lower-hex (8 or 16 bytes for the trace id, 8 for span
///   ids), then normalised like JSON ids;
/// - `timestamp` is fixed64, `duration` a varint, both microseconds;
/// - endpoint addresses are 4 or 16 bytes (other lengths ignored), printed as Zipkin does;
/// - `kind` 0 or unknown numbers are ignored; tags without a key and annotations without a
///   timestamp or value are dropped; empty strings are absent;
/// - a field whose wire type is not the declared one is skipped like an unknown field, and
///   unknown fields are skipped by wire type at every level.
/// Truncated or malformed input throws with the byte offset; it never traps.
public enum SpanProtoDecoder {
    /// A `ListOfSpans` message (the body of `POST /api/v2/spans` as `application/x-protobuf`).
    public static func decodeList(_ bytes: [UInt8]) throws(SpanDecodingError) -> [Span] {
        try SpanBytes.withBuffer(bytes) { (p) throws(SpanDecodingError) in try decodeList(p) }
    }

    /// A single `Span` message.
    public static func decodeOne(_ bytes: [UInt8]) throws(SpanDecodingError) -> Span {
        try SpanBytes.withBuffer(bytes) { (p) throws(SpanDecodingError) in try decodeOne(p) }
    }

    public static func decodeList(_ p: UnsafeBufferPointer<UInt8>) throws(SpanDecodingError) -> [Span] {
        var r = ProtoReader(p)
        var spans: [Span] = []
        do throws(ProtoFailure) {
            while r.i < p.count {
                let k = try r.key(limit: p.count)
                if k == spanKey {
                    let n = try r.length(limit: p.count)
                    spans.append(try span(&r, end: r.i + n))
                } else {
                    try r.skip(key: k, limit: p.count)
                }
            }
        } catch {
            throw convert(error, index: spans.count, list: true)
        }
        return spans
    }

    public static func decodeOne(_ p: UnsafeBufferPointer<UInt8>) throws(SpanDecodingError) -> Span {
        var r = ProtoReader(p)
        do throws(ProtoFailure) {
            return try span(&r, end: p.count)
        } catch {
            throw convert(error, index: nil, list: false)
        }
    }

    static let spanKey: UInt64 = 1 << 3 | 2

    static func convert(_ f: ProtoFailure, index: Int?, list: Bool) -> SpanDecodingError {
        let kind: SpanDecodingError.Kind, reason: String
        var detail: String?
        switch f.kind {
        case .malformed(let d): kind = .malformed; reason = "Malformed"; detail = d
        case .truncated(let d): kind = .truncated; reason = "Truncated"; detail = d
        case .validation(let e): kind = .invalidField; reason = e.message
        }
        return SpanDecodingError(kind: kind, format: .proto3, reason: reason, detail: detail,
                                 spanIndex: index, spanId: f.spanId,
                                 field: f.field, byteOffset: f.offset, list: list)
    }

    /// One `Span` message between the reader's position and `end`.
    static func span(_ r: inout ProtoReader, end: Int) throws(ProtoFailure) -> Span {
        let start = r.i
        var b = SpanBuilder()
        var field = "traceId"
        do throws(ProtoFailure) {
            while r.i < end {
                let k = try r.key(limit: end)
                switch k {
                case 1 << 3 | 2: field = "traceId"; b.traceId = try id(&r, end: end, .traceId)
                case 2 << 3 | 2: field = "parentId"; b.parentId = try id(&r, end: end, .parentId)
                case 3 << 3 | 2: field = "id"; b.id = try id(&r, end: end, .id)
                case 4 << 3 | 0:
                    field = "kind"
                    if let kind = SpanKind(protoNumber: try r.varint(limit: end)) { b.kind = kind }
                case 5 << 3 | 2: field = "name"; b.setName(try r.string(limit: end))
                case 6 << 3 | 1:
                    field = "timestamp"
                    b.timestamp = max(0, Int64(bitPattern: try r.fixed64(limit: end)))
                case 7 << 3 | 0:
                    field = "duration"
                    b.duration = max(0, Int64(bitPattern: try r.varint(limit: end)))
                case 8 << 3 | 2:
                    field = "localEndpoint"
                    let n = try r.length(limit: end)
                    b.localEndpoint = try endpoint(&r, end: r.i + n, name: field)
                case 9 << 3 | 2:
                    field = "remoteEndpoint"
                    let n = try r.length(limit: end)
                    b.remoteEndpoint = try endpoint(&r, end: r.i + n, name: field)
                case 10 << 3 | 2:
                    field = "annotations"
                    let n = try r.length(limit: end)
                    if let a = try annotation(&r, end: r.i + n) { b.annotations.append(a) }
                case 11 << 3 | 2:
                    field = "tags"
                    let n = try r.length(limit: end)
                    if b.tags.isEmpty { b.tags.reserveCapacity(16) } // avoid rehashing while growing
                    if let (key, value) = try tag(&r, end: r.i + n) { b.tags[key] = value }
                case 12 << 3 | 0: field = "debug"; if try bool(&r, end: end) { b.debug = true }
                case 13 << 3 | 0: field = "shared"; if try bool(&r, end: end) { b.shared = true }
                default: try r.skip(key: k, limit: end)
                }
            }
            return try build(b, at: start)
        } catch {
            var e = error
            if e.field == nil { e.field = field }
            e.spanId = b.id
            throw e
        }
    }

    static func build(_ b: SpanBuilder, at: Int) throws(ProtoFailure) -> Span {
        do throws(SpanValidationError) {
            return try b.build()
        } catch {
            throw ProtoFailure(kind: .validation(error), offset: at, field: error.field)
        }
    }

    static func id(_ r: inout ProtoReader, end: Int, _ which: HexID.Field) throws(ProtoFailure) -> String? {
        let at = r.i
        let raw = try r.bytes(limit: end)
        if raw.isEmpty && which == .parentId { return nil }
        do throws(SpanValidationError) {
            return try HexID.normalize(bytes: raw, which)
        } catch {
            throw ProtoFailure(kind: .validation(error), offset: at, field: which.rawValue)
        }
    }

    /// `BooleanField.read`: one byte, 0 or 1.
    static func bool(_ r: inout ProtoReader, end: Int) throws(ProtoFailure) -> Bool {
        guard r.i < end else { throw r.truncated("boolean past the end of its message") }
        let v = r.p[r.i]
        guard v <= 1 else { throw r.malformed("invalid boolean value at byte \(r.i)") }
        r.i += 1
        return v == 1
    }
}
