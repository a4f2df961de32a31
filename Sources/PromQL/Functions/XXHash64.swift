import MeshMetrics

/// XXH64 (seed 0), the hash Go's `cespare/xxhash` computes, and Prometheus' label-set
/// hash built on it. limit_ratio() samples series by this hash, so reproducing it
/// byte for byte makes it pick the same series as Prometheus.
public enum XXHash64 {
    private static let prime1: UInt64 = 11_400_714_785_074_694_791
    private static let prime2: UInt64 = 14_029_467_366_897_019_727
    private static let prime3: UInt64 = 1_609_587_929_392_839_161
    private static let prime4: UInt64 = 9_650_029_242_287_828_579
    private static let prime5: UInt64 = 2_870_177_450_012_600_261

    /// XXH64 of `bytes` with seed 0.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        let n = bytes.count
        var i = 0
        var h: UInt64
        if n >= 32 {
            var v1 = prime1 &+ prime2, v2 = prime2, v3: UInt64 = 0, v4 = 0 &- prime1
            while i + 32 <= n {
                v1 = round(v1, word64(bytes, i))
                v2 = round(v2, word64(bytes, i + 8))
                v3 = round(v3, word64(bytes, i + 16))
                v4 = round(v4, word64(bytes, i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = mergeRound(h, v1)
            h = mergeRound(h, v2)
            h = mergeRound(h, v3)
            h = mergeRound(h, v4)
        } else {
            h = prime5
        }
        h &+= UInt64(n)
        while i + 8 <= n {
            h ^= round(0, word64(bytes, i))
            h = rotl(h, 27) &* prime1 &+ prime4
            i += 8
        }
        if i + 4 <= n {
            h ^= UInt64(word32(bytes, i)) &* prime1
            h = rotl(h, 23) &* prime2 &+ prime3
            i += 4
        }
        while i < n {
            h ^= UInt64(bytes[i]) &* prime5
            h = rotl(h, 11) &* prime1
            i += 1
        }
        h ^= h >> 33
        h &*= prime2
        h ^= h >> 29
        h &*= prime3
        h ^= h >> 32
        return h
    }

    /// Prometheus 3's `labels.Labels.Hash()` in its default (stringlabels) build: XXH64
    /// of the encoded label string, each name and value preceded by its length (one
    /// byte below 255, else 255 and three little-endian bytes).
    public static func prometheusHash(_ labels: Labels) -> UInt64 {
        var bytes: [UInt8] = []
        for pair in labels.pairs {
            appendSized(pair.name, to: &bytes)
            appendSized(pair.value, to: &bytes)
        }
        return hash(bytes)
    }

    private static func appendSized(_ text: String, to bytes: inout [UInt8]) {
        let count = text.utf8.count
        if count < 255 {
            bytes.append(UInt8(count))
        } else {
            bytes += [255, UInt8(truncatingIfNeeded: count), UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count >> 16)]
        }
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* prime2, 31) &* prime1
    }

    @inline(__always) private static func mergeRound(_ acc: UInt64, _ val: UInt64) -> UInt64 {
        (acc ^ round(0, val)) &* prime1 &+ prime4
    }

    @inline(__always) private static func word64(_ b: [UInt8], _ i: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
        return v
    }

    @inline(__always) private static func word32(_ b: [UInt8], _ i: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(b[i + k]) << (8 * UInt32(k)) }
        return v
    }
}
