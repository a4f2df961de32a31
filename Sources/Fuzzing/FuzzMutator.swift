import MeshMetrics

/// Seeded mutations of valid inputs, for `bench fuzz` and the test suite's timed fuzzing: byte flips, interesting bytes and
/// tokens, deletions, truncation, splicing two seeds, repeated chunks, huge numbers and
/// deep nesting. Deterministic for a seed (SplitMix64), so a failure reproduces.
public struct FuzzMutator: Sendable {
    public static let hugeNumbers = ["1e309", "-1e309", "99999999999999999999999999999", "-9223372036854775809",
                              "18446744073709551616", "0x7fffffffffffffffff", "NaN", "+Inf", "-Inf", "1e-400",
                              "4294967296", "0.0000000000000000000000000000001", "1_000_000"]

    private var random: SplitMix64
    /// Tokens of the input's language inserted whole (`{`, `"`, `rate(`, ...).
    let tokens: [[UInt8]]
    /// Open and close bytes for nesting (`[`/`]`, `(`/`)`).
    let nesting: [(open: [UInt8], close: [UInt8])]

    public init(seed: UInt64, tokens: [String], nesting: [(String, String)]) {
        random = SplitMix64(seed: seed)
        self.tokens = tokens.map { Array($0.utf8) }
        self.nesting = nesting.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    public mutating func next() -> UInt64 { random.next() }

    public mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    /// One to four mutations of `input`, `other` a second seed to splice from.
    public mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            let at = below(bytes.count + 1)
            switch below(10) {
            case 0 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] ^= UInt8(1 << below(8))
            case 1 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] = [0x00, 0xFF, 0x80, 0xC3, 0x0A, 0x22, 0x5C, 0x7B, 0x7D][below(9)]
            case 2:
                if !tokens.isEmpty { bytes.insert(contentsOf: tokens[below(tokens.count)], at: at) }
            case 3 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(16)))
            case 4:
                bytes.removeSubrange(at...)
            case 5:
                let from = below(other.count + 1)
                bytes = Array(bytes[..<at]) + Array(other[from...])
            case 6 where !bytes.isEmpty:
                let start = min(at, bytes.count - 1)
                let chunk = Array(bytes[start..<min(bytes.count, start + 1 + below(64))])
                let copies = [2, 10, 100, 1000][below(4)]
                bytes.insert(contentsOf: Array(repeating: chunk, count: copies).joined(), at: start)
            case 7:
                bytes.insert(contentsOf: Array(Self.hugeNumbers[below(Self.hugeNumbers.count)].utf8), at: at)
            case 8:
                guard !nesting.isEmpty else { continue }
                let pair = nesting[below(nesting.count)]
                let depth = [10, 100, 1000, 10000][below(4)]
                var nested = Array(repeating: pair.open, count: depth).flatMap { $0 }
                if below(2) == 0 { nested += Array(repeating: pair.close, count: depth).flatMap { $0 } }
                bytes.insert(contentsOf: nested, at: at)
            default:
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
            }
        }
        return bytes
    }
}
