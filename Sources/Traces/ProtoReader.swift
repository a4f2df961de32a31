/// A failure inside the proto3 reader, turned into a `SpanDecodingError` by the decoder.
struct ProtoFailure: Error {
    enum Kind {
        case malformed(String)
        case truncated(String)
        case validation(SpanValidationError)
    }
    var kind: Kind
    var offset: Int
    var field: String? = nil
    var spanId: String? = nil
}

/// Bounds-checked protobuf wire reading. Every read takes the end of the enclosing message
/// (`limit`), so a nested length can never run past its parent or the buffer.
struct ProtoReader {
    static let varint: UInt8 = 0, fixed64: UInt8 = 1, lengthDelimited: UInt8 = 2, fixed32: UInt8 = 5

    let p: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    func truncated(_ what: String, at: Int? = nil) -> ProtoFailure {
        ProtoFailure(kind: .truncated(what), offset: at ?? i)
    }

    func malformed(_ what: String, at: Int? = nil) -> ProtoFailure {
        ProtoFailure(kind: .malformed(what), offset: at ?? i)
    }

    @inline(__always) mutating func varint(limit: Int) throws(ProtoFailure) -> UInt64 {
        let start = i
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < limit else { throw truncated("varint ends past the end of its message", at: start) }
            let b = p[i]
            i += 1
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift >= 64 { throw malformed("varint longer than 10 bytes", at: start) }
        }
    }

    /// A field key: `(field_number << 3) | wire_type`.
    @inline(__always) mutating func key(limit: Int) throws(ProtoFailure) -> UInt64 {
        let start = i
        let k = try varint(limit: limit)
        if k >> 3 == 0 { throw malformed("fieldNumber was zero at byte \(start)", at: start) }
        if k > UInt64(UInt32.max) { throw malformed("key longer than 32 bits at byte \(start)", at: start) }
        return k
    }

    /// A length prefix; the bytes it announces must be there.
    @inline(__always) mutating func length(limit: Int) throws(ProtoFailure) -> Int {
        let start = i
        let n = try varint(limit: limit)
        let left = limit - i
        guard n <= UInt64(left) else {
            throw truncated("length \(n) exceeds the \(left) bytes left", at: start)
        }
        return Int(n)
    }

    mutating func fixed64(limit: Int) throws(ProtoFailure) -> UInt64 {
        guard limit - i >= 8 else { throw truncated("fixed64 needs 8 bytes, \(limit - i) left") }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(p[i + k]) << (8 * UInt64(k)) }
        i += 8
        return v
    }

    mutating func bytes(limit: Int) throws(ProtoFailure) -> UnsafeBufferPointer<UInt8> {
        let n = try length(limit: limit)
        defer { i += n }
        return UnsafeBufferPointer(rebasing: p[i..<(i + n)])
    }

    /// Invalid UTF-8 becomes U+FFFD, as Java's `new String(bytes, UTF_8)` in Zipkin.
    mutating func string(limit: Int) throws(ProtoFailure) -> String {
        String(decoding: try bytes(limit: limit), as: UTF8.self)
    }

    /// `Proto3Fields.Field.skipValue`: unknown fields are skipped by wire type; groups
    /// (3, 4) and 6, 7 are not proto3 and are malformed.
    mutating func skip(key: UInt64, limit: Int) throws(ProtoFailure) {
        let at = i
        switch UInt8(key & 7) {
        case Self.varint: _ = try varint(limit: limit)
        case Self.fixed64:
            guard limit - i >= 8 else { throw truncated("fixed64 needs 8 bytes, \(limit - i) left") }
            i += 8
        case Self.lengthDelimited: i += try length(limit: limit)
        case Self.fixed32:
            guard limit - i >= 4 else { throw truncated("fixed32 needs 4 bytes, \(limit - i) left") }
            i += 4
        case let w: throw malformed("invalid wireType \(w) at byte \(at)", at: at)
        }
    }
}
