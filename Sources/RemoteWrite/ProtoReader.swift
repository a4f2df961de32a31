/// Bounds-checked protobuf wire reading. Every read takes the end of the enclosing message
/// (`limit`), so a nested length can never run past its parent or the buffer.
struct ProtoReader {
    typealias Failure = WriteRequestDecodingError
    static let varint: UInt8 = 0, fixed64: UInt8 = 1, lengthDelimited: UInt8 = 2
    static let startGroup: UInt8 = 3, endGroup: UInt8 = 4, fixed32: UInt8 = 5

    let p: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    @inline(__always) mutating func varint(limit: Int) throws(Failure) -> UInt64 {
        let start = i
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < limit else { throw Failure(.truncated("varint"), at: start) }
            let b = p[i]
            i += 1
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift >= 70 { throw Failure(.malformed("varint longer than 10 bytes"), at: start) }
        }
    }

    /// A field key: `(field_number << 3) | wire_type`.
    @inline(__always) mutating func key(limit: Int) throws(Failure) -> UInt64 {
        let start = i
        let k = try varint(limit: limit)
        if k >> 3 == 0 { throw Failure(.malformed("field number 0"), at: start) }
        if k > UInt64(UInt32.max) { throw Failure(.malformed("key longer than 32 bits"), at: start) }
        return k
    }

    /// Refuses a known field sent with another wire type.
    @inline(__always) func expect(_ key: UInt64, _ wire: UInt8, at: Int) throws(Failure) {
        let found = UInt8(key & 7)
        if found != wire { throw Failure(.wrongWireType(expected: wire, found: found), at: at) }
    }

    /// A length prefix; the bytes it announces must be there. Returns the end offset.
    @inline(__always) mutating func length(limit: Int) throws(Failure) -> Int {
        let start = i
        let n = try varint(limit: limit)
        let left = limit - i
        guard n <= UInt64(left) else { throw Failure(.truncated("length (\(n) announced, \(left) left)"), at: start) }
        return i + Int(n)
    }

    mutating func fixed64(limit: Int) throws(Failure) -> UInt64 {
        guard limit - i >= 8 else { throw Failure(.truncated("fixed64 (\(limit - i) bytes left)"), at: i) }
        let v = UInt64(littleEndian: UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self))
        i += 8
        return v
    }

    /// A length-delimited string, which proto3 requires to be valid UTF-8.
    mutating func string(limit: Int) throws(Failure) -> String {
        let start = i
        let end = try length(limit: limit)
        defer { i = end }
        if end == i { return "" }
        guard let s = String(validating: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self) else {
            throw Failure(.invalidUTF8, at: start)
        }
        return s
    }

    /// Skips an unknown field by its wire type, groups (deprecated, but valid protobuf)
    /// included. Iterative, so deep group nesting cannot exhaust the stack.
    mutating func skip(key first: UInt64, at keyAt: Int, limit: Int) throws(Failure) {
        var open: [UInt64] = []
        var k = first
        var at = keyAt
        while true {
            switch UInt8(k & 7) {
            case Self.varint: _ = try varint(limit: limit)
            case Self.fixed64:
                guard limit - i >= 8 else { throw Failure(.truncated("fixed64 (\(limit - i) bytes left)"), at: i) }
                i += 8
            case Self.lengthDelimited: i = try length(limit: limit)
            case Self.fixed32:
                guard limit - i >= 4 else { throw Failure(.truncated("fixed32 (\(limit - i) bytes left)"), at: i) }
                i += 4
            case Self.startGroup: open.append(k >> 3)
            case Self.endGroup:
                guard open.last == k >> 3 else { throw Failure(.malformed("unmatched end of group \(k >> 3)"), at: at) }
                open.removeLast()
            case let w: throw Failure(.malformed("invalid wire type \(w)"), at: at)
            }
            if open.isEmpty { return }
            guard i < limit else { throw Failure(.truncated("group \(open.last!)"), at: i) }
            at = i
            k = try key(limit: limit)
        }
    }
}
