#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte classes and word-at-a-time scanning shared by the exposition parser.
enum ExpositionBytes {
    static let newline: UInt8 = 0x0a
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let comma: UInt8 = 0x2c
    static let equals: UInt8 = 0x3d
    static let backslash: UInt8 = 0x5c
    static let openBrace: UInt8 = 0x7b
    static let closeBrace: UInt8 = 0x7d

    // Arithmetic classes rather than tables: no lazy globals or bounds checks on the hot path.
    @inline(__always) static func isLabelNameStart(_ c: UInt8) -> Bool {
        (c | 0x20) &- 0x61 < 26 || c == 0x5f
    }

    @inline(__always) static func isLabelNameChar(_ c: UInt8) -> Bool {
        isLabelNameStart(c) || c &- 0x30 < 10
    }

    @inline(__always) static func isMetricNameStart(_ c: UInt8) -> Bool {
        isLabelNameStart(c) || c == 0x3a
    }

    @inline(__always) static func isMetricNameChar(_ c: UInt8) -> Bool {
        isLabelNameChar(c) || c == 0x3a
    }

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }

    /// High bit of each byte of `word` that is `"`, `\` or non-ASCII. The lowest flagged
    /// byte is always a true hit: the zero-byte trick only misfires above a real zero.
    @inline(__always) static func labelValueStops(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let q = word ^ (ones &* UInt64(quote))
        let b = word ^ (ones &* UInt64(backslash))
        return (((q &- ones) & ~q) | ((b &- ones) & ~b) | word) & highs
    }

    /// Length of the well-formed UTF-8 scalar starting at `p[i]` (a non-ASCII lead byte),
    /// or 0 when it is malformed, overlong, a surrogate or truncated before `end`.
    static func utf8ScalarLength(_ p: UnsafePointer<UInt8>, _ i: Int, end: Int) -> Int {
        let lead = p[i]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xbf
        switch lead {
        case 0xc2...0xdf: length = 2
        case 0xe0: length = 3; low = 0xa0
        case 0xe1...0xec, 0xee, 0xef: length = 3
        case 0xed: length = 3; high = 0x9f
        case 0xf0: length = 4; low = 0x90
        case 0xf1...0xf3: length = 4
        case 0xf4: length = 4; high = 0x8f
        default: return 0
        }
        guard end - i >= length else { return 0 }
        let second = p[i + 1]
        guard second >= low && second <= high else { return 0 }
        for k in 2..<length where p[i + k] & 0xc0 != 0x80 { return 0 }
        return length
    }

    @inline(__always) static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        memcmp(a, b, count) == 0
    }

    /// Index of the first newline in `p[from..<end]`, or `end` (memchr is vectorised).
    @inline(__always) static func lineEnd(_ p: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        guard let hit = memchr(p + from, Int32(newline), end - from) else { return end }
        return p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `bytes` is entirely well-formed UTF-8.
    static func isValidUTF8(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        var i = 0
        while i < count {
            if p[i] < 0x80 { i += 1; continue }
            let n = utf8ScalarLength(p, i, end: count)
            if n == 0 { return false }
            i += n
        }
        return true
    }
}
