#if canImport(Glibc)
import Glibc
#endif

/// Maps the raw series bytes of exposition lines to slots without hashing in the common
/// case: a backfill file repeats the same sequence of series (one counter line after
/// another, or the buckets of a histogram in order), so the slot that followed the
/// previous one last time is predicted and confirmed with one `memcmp`. Misses fall
/// back to a hash map over the bytes.
struct SeriesKeyIndex {
    private var keys: [[UInt8]] = []
    private var successor: [Int] = []
    private var byHash: [UInt64: [Int]] = [:]
    private var previous = -1

    /// The slot of `key`, or nil when the key is new (then call `insert`).
    mutating func lookup(_ key: UnsafeRawBufferPointer) -> Int? {
        if previous >= 0 {
            let predicted = successor[previous]
            if predicted >= 0 && equals(predicted, key) {
                previous = predicted
                return predicted
            }
        }
        guard let candidates = byHash[Self.hash(key)],
              let found = candidates.first(where: { equals($0, key) }) else { return nil }
        link(found)
        return found
    }

    /// Registers a new key as slot `keys.count`; returns that slot.
    mutating func insert(_ key: UnsafeRawBufferPointer) -> Int {
        let slot = keys.count
        keys.append(Array(key))
        successor.append(-1)
        byHash[Self.hash(key), default: []].append(slot)
        link(slot)
        return slot
    }

    private mutating func link(_ slot: Int) {
        if previous >= 0 { successor[previous] = slot }
        previous = slot
    }

    private func equals(_ slot: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        keys[slot].count == key.count && keys[slot].withUnsafeBytes { stored in
            key.count == 0 || memcmp(stored.baseAddress!, key.baseAddress!, key.count) == 0
        }
    }

    /// Word-at-a-time multiplicative hash: the keys are long (Istio label sets run to
    /// hundreds of bytes), so byte-wise FNV would dominate the import's cost.
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var offset = 0
        while offset + 8 <= key.count {
            let word = key.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            offset += 8
        }
        while offset < key.count {
            hash = (hash ^ UInt64(key[offset])) &* 0x94D0_49BB_1331_11EB
            offset += 1
        }
        return hash ^ (hash >> 32)
    }
}
