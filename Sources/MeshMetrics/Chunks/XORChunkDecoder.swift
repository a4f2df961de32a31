/// Decodes an XOR chunk (see FORMAT.md) one `Sample` at a time.
///
/// As an `IteratorProtocol` it cannot throw, so `next()` stops at the first
/// malformed sample and leaves the reason in `error`; use `nextSample()` or
/// `decodeAll(_:)` to get the error thrown instead.
public struct XORChunkDecoder: Sendable, IteratorProtocol, Sequence {
    /// Number of samples the header promises.
    public let count: Int
    /// Samples decoded so far.
    public private(set) var decodedCount = 0
    /// Why iteration stopped early, if it did.
    public private(set) var error: ChunkError?

    // Internal so `XORChunkEncoder.init(resuming:)` can continue from here.
    private(set) var reader: BitReader
    private(set) var timestamp: Int64 = 0
    private(set) var delta: UInt64 = 0
    private(set) var valueBits: UInt64 = 0
    private(set) var leading: UInt8 = XORChunkFormat.noWindow
    private(set) var trailing: UInt8 = 0

    /// Reads the header; throws when the bytes are too short to hold one.
    public init(_ bytes: [UInt8]) throws(ChunkError) {
        count = try Self.count(of: bytes)
        reader = BitReader(bytes, byteOffset: XORChunkFormat.headerSize)
    }

    /// The sample count from the header, without decoding anything else.
    public static func count(of bytes: [UInt8]) throws(ChunkError) -> Int {
        guard bytes.count >= XORChunkFormat.headerSize else {
            throw .corrupt(offset: bytes.count, reason: "missing 2-byte sample count header")
        }
        return Int(bytes[0]) << 8 | Int(bytes[1])
    }

    /// Decodes every sample, or throws at the first malformed one.
    public static func decodeAll(_ bytes: [UInt8]) throws(ChunkError) -> [Sample] {
        var decoder = try XORChunkDecoder(bytes)
        var samples: [Sample] = []
        // Every sample takes at least two bits, so a corrupt header cannot make
        // us reserve more than the bytes could possibly hold.
        samples.reserveCapacity(Swift.min(decoder.count, bytes.count &* 4))
        while let sample = try decoder.nextSample() {
            samples.append(sample)
        }
        return samples
    }

    public mutating func next() -> Sample? {
        try? nextSample()
    }

    /// The next sample, `nil` after the last one; errors are sticky.
    public mutating func nextSample() throws(ChunkError) -> Sample? {
        if let error { throw error }
        guard decodedCount < count else { return nil }
        do {
            switch decodedCount {
            case 0: try readFirst()
            case 1: try readSecond()
            default: try readFollowing()
            }
        } catch {
            self.error = error
            throw error
        }
        decodedCount &+= 1
        return Sample(timestamp: timestamp, value: Double(bitPattern: valueBits))
    }

    // MARK: - Per-sample decoding

    /// First sample: zig-zag varint timestamp, then the raw 64 value bits.
    @inline(__always)
    private mutating func readFirst() throws(ChunkError) {
        timestamp = try reader.readVarint()
        valueBits = try reader.readBits(64)
    }

    /// Second sample: varint delta (strictly positive), then an XOR value.
    @inline(__always)
    private mutating func readSecond() throws(ChunkError) {
        let start = reader.byteOffset
        let newDelta = try reader.readUvarint()
        try advance(by: newDelta, sampleStart: start)
        try readValue()
    }

    /// Later samples: bucketed delta-of-delta, then an XOR value.
    @inline(__always)
    private mutating func readFollowing() throws(ChunkError) {
        let start = reader.byteOffset
        let width = XORChunkFormat.dodWidth(prefixOnes: try reader.readOnes(limit: 4))
        var dod: Int64 = 0
        if width == 64 {
            dod = Int64(bitPattern: try reader.readBits(64))
        } else if width > 0 {
            dod = XORChunkFormat.signExtend(try reader.readBits(width), bits: width)
        }
        // Wrapping is exact here: deltas live in 1...2^64-1, and modulo-2^64
        // arithmetic recovers them as long as the resulting timestamp increases.
        try advance(by: delta &+ UInt64(bitPattern: dod), sampleStart: start)
        try readValue()
    }

    /// Applies a delta, rejecting zero or overflowing steps: the encoder only
    /// writes strictly increasing timestamps, so anything else is corruption.
    @inline(__always)
    private mutating func advance(by newDelta: UInt64, sampleStart: Int) throws(ChunkError) {
        let next = timestamp &+ Int64(bitPattern: newDelta)
        guard next > timestamp else {
            throw .corrupt(offset: sampleStart, reason: "timestamp does not increase after \(timestamp)")
        }
        timestamp = next
        delta = newDelta
    }

    /// '0' same value; '10' XOR bits in the previous window; '11' new window
    /// (5-bit leading-zero count, 6-bit significant count with 0 meaning 64).
    @inline(__always)
    private mutating func readValue() throws(ChunkError) {
        guard try reader.readBit() else { return }
        if try reader.readBit() {
            let start = reader.byteOffset
            let control = try reader.readBits(11)
            let newLeading = Int(control >> 6)
            var significant = Int(control & 0x3f)
            if significant == 0 { significant = 64 }
            guard newLeading &+ significant <= 64 else {
                throw .corrupt(offset: start, reason: "XOR window \(newLeading)+\(significant) exceeds 64 bits")
            }
            leading = UInt8(newLeading)
            trailing = UInt8(64 &- newLeading &- significant)
        } else if leading == XORChunkFormat.noWindow {
            throw .corrupt(offset: reader.byteOffset, reason: "XOR value reuses a window before one was set")
        }
        let significant = 64 &- Int(leading) &- Int(trailing)
        let bits = try reader.readBits(significant)
        valueBits ^= bits &<< UInt64(trailing)
    }
}
