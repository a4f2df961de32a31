/// Unsigned LEB128 varints for the `series.pairs` column.
enum Varint {
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    /// Decodes a whole buffer of varints; nil when the buffer is truncated or overlong.
    static func decodeAll(_ bytes: [UInt8]) -> [UInt64]? {
        var values: [UInt64] = []
        var current: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            guard shift < 64 else { return nil }
            current |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                values.append(current)
                current = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        return shift == 0 ? values : nil
    }
}
