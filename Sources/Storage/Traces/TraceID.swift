/// A trace id as two 64-bit halves; `high` is 0 for a 64-bit id. Parsed with Zipkin's
/// normalisation: 1–32 hex characters of either case, left-padded, not all zeros; a
/// 128-bit id whose high half is zero is the 64-bit id.
public struct TraceID: Sendable, Hashable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// nil for anything that is not a valid trace id.
    public init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard !bytes.isEmpty, bytes.count <= 32 else { return nil }
        var hi: UInt64 = 0, lo: UInt64 = 0
        let split = max(0, bytes.count - 16)
        for (k, c) in bytes.enumerated() {
            guard let d = Self.hexValue(c) else { return nil }
            if k < split { hi = hi << 4 | d } else { lo = lo << 4 | d }
        }
        guard hi != 0 || lo != 0 else { return nil }
        self.init(high: hi, low: lo)
    }

    /// 16 or 32 lower-hex characters, as Zipkin writes it.
    public var description: String {
        high == 0 ? Self.hex16(low) : Self.hex16(high) + Self.hex16(low)
    }

    /// The grouping key under a lookup mode: lenient lookups forget the high half.
    func key(strict: Bool) -> TraceID { strict ? self : TraceID(high: 0, low: low) }

    var storedHigh: Int64 { Int64(bitPattern: high) }
    var storedLow: Int64 { Int64(bitPattern: low) }

    static func hexValue(_ c: UInt8) -> UInt64? {
        switch c {
        case 0x30...0x39: UInt64(c - 0x30)
        case 0x61...0x66: UInt64(c - 0x61 + 10)
        case 0x41...0x46: UInt64(c - 0x41 + 10)
        default: nil
        }
    }

    static func hex16(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.utf8.count) + s
    }

    /// A normalised 16-character span id as a stored integer.
    static func spanID(_ hex: String) -> Int64 {
        var v: UInt64 = 0
        for c in hex.utf8 { v = v << 4 | (hexValue(c) ?? 0) }
        return Int64(bitPattern: v)
    }
}

/// FNV-1a, 64 bits: the identity of a stored span piece (its exact encoded bytes).
func fnv1a64(_ bytes: [UInt8]) -> Int64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
        h ^= UInt64(b)
        h &*= 0x0000_0100_0000_01b3
    }
    return Int64(bitPattern: h)
}
