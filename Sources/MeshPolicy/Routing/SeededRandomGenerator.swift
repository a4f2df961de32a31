import MeshMetrics

/// A deterministic generator so that weighted choices, fault percentages and jitter can
/// be replayed in tests; the data path may pass `SystemRandomNumberGenerator` instead.
public typealias SeededRandomGenerator = SplitMix64

extension RandomNumberGenerator {
    /// True with probability `percentage`/100 (exactly never at 0, always at 100).
    mutating func chance(_ percentage: Double) -> Bool {
        if percentage >= 100 { return true }
        if percentage <= 0 { return false }
        return Double.random(in: 0..<100, using: &self) < percentage
    }
}
