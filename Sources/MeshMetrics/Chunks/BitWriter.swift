/// Appends bits most-significant first to a byte array. The array is always a
/// complete byte sequence (the unused low bits of the last byte are zero), so a
/// caller can hand it out after any write without a flush step.
struct BitWriter: Sendable {
    private(set) var bytes: [UInt8]
    /// Unused low bits of the last byte, 0...7.
    private(set) var freeBits: Int

    init(bytes: [UInt8] = [], freeBits: Int = 0) {
        precondition((0...7).contains(freeBits) && (freeBits == 0 || !bytes.isEmpty))
        self.bytes = bytes
        self.freeBits = freeBits
    }

    var bitCount: Int { bytes.count &* 8 &- freeBits }

    mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    @inline(__always)
    mutating func writeBit(_ bit: Bool) {
        if freeBits == 0 {
            bytes.append(bit ? 0x80 : 0)
            freeBits = 7
            return
        }
        freeBits &-= 1
        if bit { bytes[bytes.count &- 1] |= UInt8(1) &<< UInt8(freeBits) }
    }

    /// Writes the low `count` bits of `value` (1...64), high bit first.
    @inline(__always)
    mutating func writeBits(_ value: UInt64, count: Int) {
        var remaining = count
        // Top up the partially filled last byte first.
        if freeBits > 0 {
            let last = bytes.count &- 1
            if remaining <= freeBits {
                freeBits &-= remaining
                let chunk = (value & Self.mask(remaining)) &<< UInt64(freeBits)
                bytes[last] |= UInt8(truncatingIfNeeded: chunk)
                return
            }
            remaining &-= freeBits
            bytes[last] |= UInt8(truncatingIfNeeded: value &>> UInt64(remaining)) & Self.lowMask8(freeBits)
            freeBits = 0
        }
        while remaining >= 8 {
            remaining &-= 8
            bytes.append(UInt8(truncatingIfNeeded: value &>> UInt64(remaining)))
        }
        if remaining > 0 {
            freeBits = 8 &- remaining
            bytes.append(UInt8(truncatingIfNeeded: value &<< UInt64(freeBits)))
        }
    }

    /// LEB128-style unsigned varint, 7 bits per byte, low groups first. Each
    /// byte goes through `writeBits`, so this also works when not byte aligned.
    mutating func writeUvarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            writeBits(UInt64(UInt8(truncatingIfNeeded: rest) | 0x80), count: 8)
            rest >>= 7
        }
        writeBits(rest, count: 8)
    }

    /// Overwrites two already written bytes with a big-endian `UInt16`
    /// (the chunk's sample-count header).
    mutating func patchUInt16(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset &+ 1] = UInt8(truncatingIfNeeded: value)
    }

    /// Low `count` bits set, for `count` in 0...64.
    @inline(__always)
    static func mask(_ count: Int) -> UInt64 {
        count >= 64 ? .max : (UInt64(1) &<< UInt64(count)) &- 1
    }

    @inline(__always)
    private static func lowMask8(_ count: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: (1 &<< count) &- 1)
    }
}
