/// Reads bits most-significant first from a byte array. Bits are staged in a
/// 64-bit register that is refilled eight bytes at a time where possible, so
/// most reads are a shift and a mask. Running out of bytes is a typed error,
/// never an out-of-bounds trap.
struct BitReader: Sendable {
    let bytes: [UInt8]
    /// Next byte to load into `buffer`.
    private(set) var index: Int
    /// The low `valid` bits of `buffer` are unread; higher bits are stale.
    private var buffer: UInt64 = 0
    private var valid: Int = 0

    init(_ bytes: [UInt8], byteOffset: Int) {
        self.bytes = bytes
        self.index = min(max(byteOffset, 0), bytes.count)
    }

    /// Bits consumed so far, counted from the start of `bytes`.
    var bitPosition: Int { index &* 8 &- valid }

    /// The byte holding the next unread bit, for error offsets.
    var byteOffset: Int { bitPosition >> 3 }

    @inline(__always)
    mutating func readBit() throws(ChunkError) -> Bool {
        if valid == 0 {
            refill()
            if valid == 0 { throw truncated(needing: 1) }
        }
        valid &-= 1
        return (buffer &>> UInt64(valid)) & 1 == 1
    }

    /// Reads `count` bits (0...64) as the low bits of the result.
    @inline(__always)
    mutating func readBits(_ count: Int) throws(ChunkError) -> UInt64 {
        if count <= valid {
            valid &-= count
            return (buffer &>> UInt64(valid)) & BitWriter.mask(count)
        }
        return try readBitsAcrossRefill(count)
    }

    /// Counts leading '1' bits, stopping after a '0' or after `limit` ones
    /// (the '1111' prefix has no terminating zero).
    @inline(__always)
    mutating func readOnes(limit: Int) throws(ChunkError) -> Int {
        var ones = 0
        while ones < limit, try readBit() { ones &+= 1 }
        return ones
    }

    /// Unsigned LEB128 varint; rejects encodings longer than 10 bytes or
    /// exceeding 64 bits instead of silently wrapping.
    mutating func readUvarint() throws(ChunkError) -> UInt64 {
        let start = byteOffset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for position in 0..<10 {
            let byte = try readBits(8)
            if byte < 0x80 {
                if position == 9 && byte > 1 { break }
                return result | (byte &<< shift)
            }
            result |= (byte & 0x7f) &<< shift
            shift &+= 7
        }
        throw ChunkError.corrupt(offset: start, reason: "varint overflows 64 bits")
    }

    mutating func readVarint() throws(ChunkError) -> Int64 {
        XORChunkFormat.unzigzag(try readUvarint())
    }

    // MARK: - Refill

    private mutating func readBitsAcrossRefill(_ count: Int) throws(ChunkError) -> UInt64 {
        // Keep what is left, then take the rest from a freshly filled register.
        let high = buffer & BitWriter.mask(valid)
        let need = count &- valid
        valid = 0
        refill()
        if valid < need { throw truncated(needing: need &- valid) }
        valid &-= need
        let low = (buffer &>> UInt64(valid)) & BitWriter.mask(need)
        return need >= 64 ? low : (high &<< UInt64(need)) | low
    }

    /// Loads whole bytes while at least 8 bits of room remain in `buffer`.
    @inline(__always)
    private mutating func refill() {
        let end = bytes.count
        if valid == 0 && index &+ 8 <= end {
            // One unaligned 8-byte load instead of eight byte loads.
            let at = index
            buffer = bytes.withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            index = at &+ 8
            valid = 64
            return
        }
        while valid <= 56 && index < end {
            buffer = (buffer &<< 8) | UInt64(bytes[index])
            index &+= 1
            valid &+= 8
        }
    }

    private func truncated(needing bits: Int) -> ChunkError {
        .corrupt(offset: bytes.count, reason: "truncated: \(bits) more bit(s) needed")
    }
}
