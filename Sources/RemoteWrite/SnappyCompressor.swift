/// The reference compressor's algorithm: input cut in 64 KiB fragments, each compressed
/// on its own with a hash table over 4-byte sequences, so offsets stay below 2^16 and
/// copy-2 always suffices (copy-4 is never written).
enum SnappyCompressor {
    static let blockSize = 1 << 16
    static let maxTableSize = 1 << 14
    /// The last bytes of a fragment are never hashed: the match loop loads 8 bytes ahead.
    static let inputMargin = 16 - 1
    /// Shorter fragments go out as one literal.
    static let minNonLiteralBlockSize = 1 + 1 + inputMargin

    static func maxCompressedLength(_ count: Int) -> Int { 32 + count + count / 6 }

    static func compress(_ input: [UInt8]) -> [UInt8] {
        let n = input.count
        return [UInt8](unsafeUninitializedCapacity: maxCompressedLength(n)) { out, written in
            let dst = out.baseAddress!
            var d = 0
            var v = UInt64(n)
            while v >= 0x80 { dst[d] = UInt8(truncatingIfNeeded: v) | 0x80; d += 1; v >>= 7 }
            dst[d] = UInt8(v)
            d += 1
            input.withUnsafeBufferPointer { src in
                guard let base = src.baseAddress, n > 0 else { return }
                let table = UnsafeMutablePointer<UInt16>.allocate(capacity: maxTableSize)
                defer { table.deallocate() }
                var start = 0
                while start < n {
                    let count = min(blockSize, n - start)
                    if count < minNonLiteralBlockSize {
                        d = emitLiteral(base + start, count, dst, d)
                    } else {
                        d = compressFragment(base + start, count, table, dst, d)
                    }
                    start += count
                }
            }
            written = d
        }
    }

    @inline(__always) static func load32(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self))
    }

    @inline(__always) static func load64(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
    }

    /// Multiplicative hash; the top bits index a table of `1 << (32 - shift)` entries.
    @inline(__always) static func hash(_ x: UInt32, _ shift: UInt32) -> Int {
        Int((x &* 0x1e35_a7bd) >> shift)
    }

    /// One fragment (at most 64 KiB, at least `minNonLiteralBlockSize`): returns the new
    /// output position.
    static func compressFragment(_ src: UnsafePointer<UInt8>, _ n: Int, _ table: UnsafeMutablePointer<UInt16>,
                                 _ dst: UnsafeMutablePointer<UInt8>, _ start: Int) -> Int {
        // A table no larger than the fragment: small inputs clear less memory.
        var shift: UInt32 = 24
        var tableSize = 1 << 8
        while tableSize < maxTableSize && tableSize < n { tableSize <<= 1; shift -= 1 }
        table.update(repeating: 0, count: tableSize)

        var d = start
        let sLimit = n - inputMargin
        var nextEmit = 0
        var s = 1
        var nextHash = hash(load32(src, s), shift)
        search: while true {
            // Skip faster the longer nothing matched: after 32 misses, every 2nd byte, etc.
            var skip = 32
            var nextS = s
            var candidate = 0
            while true {
                s = nextS
                let step = skip >> 5
                nextS = s + step
                skip += step
                if nextS > sLimit { break search }
                candidate = Int(table[nextHash])
                table[nextHash] = UInt16(truncatingIfNeeded: s)
                nextHash = hash(load32(src, nextS), shift)
                if load32(src, s) == load32(src, candidate) { break }
            }
            d = emitLiteral(src + nextEmit, s - nextEmit, dst, d)
            // Emit copies as long as the byte after a match starts another match.
            while true {
                let base = s
                var i = candidate + 4
                s += 4
                while s < n && src[i] == src[s] { i += 1; s += 1 }
                d = emitCopy(offset: base - candidate, length: s - base, dst, d)
                nextEmit = s
                if s >= sLimit { break search }
                let x = load64(src, s - 1)
                table[hash(UInt32(truncatingIfNeeded: x), shift)] = UInt16(truncatingIfNeeded: s - 1)
                let current = hash(UInt32(truncatingIfNeeded: x >> 8), shift)
                candidate = Int(table[current])
                table[current] = UInt16(truncatingIfNeeded: s)
                if UInt32(truncatingIfNeeded: x >> 8) != load32(src, candidate) {
                    nextHash = hash(UInt32(truncatingIfNeeded: x >> 16), shift)
                    s += 1
                    continue search
                }
            }
        }
        if nextEmit < n { d = emitLiteral(src + nextEmit, n - nextEmit, dst, d) }
        return d
    }

    /// Tag 00: length-1 in the tag up to 59, else in 1...4 following bytes.
    @inline(__always) static func emitLiteral(_ p: UnsafePointer<UInt8>, _ count: Int,
                                              _ dst: UnsafeMutablePointer<UInt8>, _ at: Int) -> Int {
        var d = at
        let n = count - 1
        if n < 60 {
            dst[d] = UInt8(n << 2); d += 1
        } else {
            var extra = 1
            while extra < 4 && n >> (8 * extra) != 0 { extra += 1 }
            dst[d] = UInt8((59 + extra) << 2); d += 1
            for k in 0..<extra { dst[d] = UInt8(truncatingIfNeeded: n >> (8 * k)); d += 1 }
        }
        (dst + d).update(from: p, count: count)
        return d + count
    }

    /// Copies of at most 64 bytes each; copy-1 (tag 01) when the length is 4...11 and the
    /// offset below 2048, else copy-2 (tag 10).
    @inline(__always) static func emitCopy(offset: Int, length: Int,
                                           _ dst: UnsafeMutablePointer<UInt8>, _ at: Int) -> Int {
        var d = at
        var left = length
        // Keep at least 4 for the last piece, which copy-1 needs.
        while left >= 68 { d = copy2(offset, 64, dst, d); left -= 64 }
        if left > 64 { d = copy2(offset, 60, dst, d); left -= 60 }
        if left >= 12 || offset >= 2048 { return copy2(offset, left, dst, d) }
        dst[d] = UInt8(1 | (left - 4) << 2 | (offset >> 8) << 5)
        dst[d + 1] = UInt8(truncatingIfNeeded: offset)
        return d + 2
    }

    @inline(__always) static func copy2(_ offset: Int, _ length: Int,
                                        _ dst: UnsafeMutablePointer<UInt8>, _ d: Int) -> Int {
        dst[d] = UInt8(2 | (length - 1) << 2)
        dst[d + 1] = UInt8(truncatingIfNeeded: offset)
        dst[d + 2] = UInt8(truncatingIfNeeded: offset >> 8)
        return d + 3
    }
}
