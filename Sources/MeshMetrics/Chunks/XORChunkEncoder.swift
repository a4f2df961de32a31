/// Appends samples to a Gorilla-style XOR chunk (see FORMAT.md).
///
/// `bytes` is a complete chunk after every append, so a partially filled chunk
/// can be persisted at any time and continued later with `init(resuming:)`.
/// Appending only grows one byte array (amortised), so there is no per-sample
/// allocation.
public struct XORChunkEncoder: Sendable {
    private var writer: BitWriter
    public private(set) var count = 0
    private var firstTime: Int64 = 0
    private var lastTime: Int64 = 0
    /// Last timestamp delta; always in 1...2^64-1 once two samples exist.
    private var lastDelta: UInt64 = 0
    private var lastValueBits: UInt64 = 0
    /// The current XOR window; `noWindow` until the second sample sets one.
    private var leading: UInt8 = XORChunkFormat.noWindow
    private var trailing: UInt8 = 0

    /// An empty chunk: just the zero sample-count header.
    public init() {
        writer = BitWriter(bytes: [0, 0])
        // Room for a typical 120-sample counter chunk (~220 bytes) without regrowth.
        writer.reserveCapacity(256)
    }

    /// Decodes `bytes` and continues appending after its last sample. The
    /// resulting bytes are identical to those of an encoder that appended every
    /// sample itself: bytes after the last sample are dropped and the unused
    /// bits of the final byte are cleared.
    public init(resuming bytes: [UInt8]) throws(ChunkError) {
        var decoder = try XORChunkDecoder(bytes)
        var first: Sample?
        while let sample = try decoder.nextSample() {
            if first == nil { first = sample }
        }
        let bitCount = decoder.reader.bitPosition
        let usedInLast = bitCount & 7
        var kept = Array(bytes[0 ..< (bitCount &+ 7) >> 3])
        if usedInLast != 0 {
            kept[kept.count &- 1] &= ~(UInt8(0xff) >> UInt8(usedInLast))
        }
        writer = BitWriter(bytes: kept, freeBits: (8 &- usedInLast) & 7)
        count = decoder.count
        firstTime = first?.timestamp ?? 0
        lastTime = decoder.timestamp
        lastDelta = decoder.delta
        lastValueBits = decoder.valueBits
        leading = decoder.leading
        trailing = decoder.trailing
    }

    /// The chunk so far; always decodable. The array shares storage with the
    /// encoder, so if the caller keeps it, the next append copies it once.
    public var bytes: [UInt8] { writer.bytes }

    public var minTime: Int64? { count > 0 ? firstTime : nil }
    public var maxTime: Int64? { count > 0 ? lastTime : nil }

    public var lastSample: Sample? {
        count > 0 ? Sample(timestamp: lastTime, value: Double(bitPattern: lastValueBits)) : nil
    }

    /// Appends one sample. Throws `.outOfOrder` unless `timestamp` is strictly
    /// after the last one, and `.full` at 65535 samples; either way the
    /// encoder is left unchanged and stays usable.
    public mutating func append(timestamp: Int64, value: Double) throws(ChunkError) {
        guard count < XORChunkFormat.maxSamples else {
            throw .full(capacity: XORChunkFormat.maxSamples)
        }
        if count > 0 && timestamp <= lastTime {
            throw .outOfOrder(last: lastTime, got: timestamp)
        }
        let bits = value.bitPattern
        switch count {
        case 0:
            writer.writeUvarint(XORChunkFormat.zigzag(timestamp))
            writer.writeBits(bits, count: 64)
            firstTime = timestamp
        case 1:
            // The true difference is in 1...2^64-1, so it fits a UInt64 exactly.
            let delta = UInt64(bitPattern: timestamp &- lastTime)
            writer.writeUvarint(delta)
            writeValue(bits)
            lastDelta = delta
        default:
            let delta = UInt64(bitPattern: timestamp &- lastTime)
            writeDeltaOfDelta(Int64(bitPattern: delta &- lastDelta))
            writeValue(bits)
            lastDelta = delta
        }
        lastTime = timestamp
        lastValueBits = bits
        count &+= 1
        writer.patchUInt16(UInt16(truncatingIfNeeded: count), at: 0)
    }

    /// Prometheus' buckets. Control prefix and payload go out in one write.
    /// `dod` is the wrapped difference; the decoder undoes the wrap exactly.
    @inline(__always)
    private mutating func writeDeltaOfDelta(_ dod: Int64) {
        let raw = UInt64(bitPattern: dod)
        if dod == 0 {
            writer.writeBit(false)
        } else if XORChunkFormat.fits(dod, bits: 14) {
            writer.writeBits(0b10 &<< 14 | raw & BitWriter.mask(14), count: 16)
        } else if XORChunkFormat.fits(dod, bits: 17) {
            writer.writeBits(0b110 &<< 17 | raw & BitWriter.mask(17), count: 20)
        } else if XORChunkFormat.fits(dod, bits: 20) {
            writer.writeBits(0b1110 &<< 20 | raw & BitWriter.mask(20), count: 24)
        } else {
            writer.writeBits(0b1111, count: 4)
            writer.writeBits(raw, count: 64)
        }
    }

    /// Gorilla XOR: '0' same bits; '10' + significant bits when they fit the
    /// current window; otherwise '11' + 5-bit leading + 6-bit length + bits.
    @inline(__always)
    private mutating func writeValue(_ bits: UInt64) {
        let xor = bits ^ lastValueBits
        if xor == 0 {
            writer.writeBit(false)
            return
        }
        let (newLeading, newTrailing) = XORChunkFormat.window(of: xor)
        if leading != XORChunkFormat.noWindow && newLeading >= leading && newTrailing >= trailing {
            let significant = 64 &- Int(leading) &- Int(trailing)
            let payload = xor &>> UInt64(trailing)
            if significant <= 62 {
                writer.writeBits(0b10 &<< UInt64(significant) | payload, count: significant &+ 2)
            } else {
                writer.writeBits(0b10, count: 2)
                writer.writeBits(payload, count: significant)
            }
            return
        }
        leading = newLeading
        trailing = newTrailing
        let significant = 64 &- Int(newLeading) &- Int(newTrailing)
        // 64 significant bits do not fit 6 bits; they are written as 0.
        let control = 0b11 &<< 11 | UInt64(newLeading) &<< 6 | UInt64(significant & 0x3f)
        let payload = xor &>> UInt64(newTrailing)
        if significant <= 51 {
            writer.writeBits(control &<< UInt64(significant) | payload, count: 13 &+ significant)
        } else {
            writer.writeBits(control, count: 13)
            writer.writeBits(payload, count: significant)
        }
    }
}
