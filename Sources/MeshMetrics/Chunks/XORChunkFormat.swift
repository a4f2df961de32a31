/// Constants and small pure helpers shared by `XORChunkEncoder` and
/// `XORChunkDecoder`. The byte layout itself is described in FORMAT.md.
public enum XORChunkFormat {
    /// The header is a big-endian `UInt16` sample count.
    public static let maxSamples = Int(UInt16.max)
    public static let headerSize = 2

    /// Marks "no leading/trailing window chosen yet", so the first XOR-encoded
    /// value cannot use the reuse-window form (valid leading counts are 0...31).
    static let noWindow: UInt8 = 0xff

    /// Leading-zero counts are written in 5 bits, so larger counts are clamped;
    /// the extra zeros then travel as part of the significant bits.
    static let maxLeading: UInt8 = 31

    /// Payload width of a delta-of-delta bucket, given the number of leading
    /// '1' bits of its control prefix ('0', '10', '110', '1110', '1111').
    @inline(__always)
    static func dodWidth(prefixOnes: Int) -> Int {
        switch prefixOnes {
        case 0: 0
        case 1: 14
        case 2: 17
        case 3: 20
        default: 64
        }
    }

    /// Whether `value` fits the `bits`-wide bucket. The range is Prometheus'
    /// asymmetric one, -(2^(n-1) - 1) ... 2^(n-1): the pattern of -2^(n-1) is
    /// decoded as +2^(n-1), so that value must go to a wider bucket.
    @inline(__always)
    static func fits(_ value: Int64, bits: Int) -> Bool {
        let half = Int64(1) << (bits - 1)
        return value >= -(half - 1) && value <= half
    }

    /// Sign-extends a `bits`-wide bucket payload following the same convention
    /// as `fits(_:bits:)`. `bits` is in 1...63.
    @inline(__always)
    static func signExtend(_ raw: UInt64, bits: Int) -> Int64 {
        if raw > UInt64(1) &<< UInt64(bits - 1) {
            return Int64(bitPattern: raw &- (UInt64(1) &<< UInt64(bits)))
        }
        return Int64(bitPattern: raw)
    }

    /// Zig-zag mapping so small negative first timestamps stay short as varints.
    @inline(__always)
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value &<< 1) ^ (value >> 63))
    }

    @inline(__always)
    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    /// Bits that define a leading/trailing window: leading zeros clamped to
    /// `maxLeading`, trailing zeros exact. `xor` must be non-zero.
    @inline(__always)
    static func window(of xor: UInt64) -> (leading: UInt8, trailing: UInt8) {
        let leading = UInt8(min(xor.leadingZeroBitCount, Int(maxLeading)))
        return (leading, UInt8(xor.trailingZeroBitCount))
    }
}
