/// A small deterministic generator (SplitMix64) so that weighted choices, fault
/// percentages and jitter can be replayed in tests. The data path may pass
/// `SystemRandomNumberGenerator` instead.
public struct SeededRandomGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// True with probability `percentage`/100 (exactly never at 0, always at 100).
    mutating func chance(_ percentage: Double) -> Bool {
        if percentage >= 100 { return true }
        if percentage <= 0 { return false }
        return Double.random(in: 0..<100, using: &self) < percentage
    }
}
