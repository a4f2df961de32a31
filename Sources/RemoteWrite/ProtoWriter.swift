/// proto3 wire writing helpers: keys, varints, little-endian fixed64, strings, and the
/// sizes needed to write a nested message's length before its body.
enum ProtoWriter {
    static let varint: UInt64 = 0, fixed64: UInt64 = 1, lengthDelimited: UInt64 = 2

    @inline(__always) static func key(_ field: UInt64, _ wire: UInt64, _ out: inout [UInt8]) {
        varint(field << 3 | wire, &out)
    }

    @inline(__always) static func varint(_ value: UInt64, _ out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always) static func fixed64(_ value: UInt64, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    /// A string field; proto3 leaves the empty string out.
    @inline(__always) static func string(_ field: UInt64, _ s: String, _ out: inout [UInt8]) {
        let n = s.utf8.count
        guard n > 0 else { return }
        key(field, lengthDelimited, &out)
        varint(UInt64(n), &out)
        out.append(contentsOf: s.utf8)
    }

    @inline(__always) static func varintSize(_ value: UInt64) -> Int {
        // 1 byte per started group of 7 bits; 0 still takes one byte.
        (64 - (value | 1).leadingZeroBitCount + 6) / 7
    }

    /// Bytes of a string field with a one-byte key (fields 1...15), 0 when left out.
    @inline(__always) static func stringSize(_ s: String) -> Int {
        let n = s.utf8.count
        return n == 0 ? 0 : 1 + varintSize(UInt64(n)) + n
    }

    /// Bytes of an embedded message field with a one-byte key, given its body size.
    @inline(__always) static func messageSize(_ body: Int) -> Int {
        1 + varintSize(UInt64(body)) + body
    }
}
