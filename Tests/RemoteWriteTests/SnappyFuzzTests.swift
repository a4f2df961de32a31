import MeshMetrics
import Testing
@testable import RemoteWrite

/// Seeded random and mutated streams: the decoder returns or throws, never traps.
/// Reproduce a failure from the seed in the test's arguments.
@Suite struct SnappyFuzzTests {
    typealias F = Fixtures

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func decoderSurvivesRandomAndMutatedInput(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let valid = [
            Snappy.compress(F.typicalPayload(bytes: 4096)),
            Snappy.compress(Array(String(repeating: "abcdefgh", count: 300).utf8)),
            F.hex("0c 0c 61626364 11 04"), F.hex("06 08 78797a 0b 03000000"),
        ]
        let interesting: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0x11, 0x22, 0xf0, 0xf4, 0xf8, 0xfc, 0xff, 0x80]
        var decoded = 0, refused = 0
        for k in 0..<4_000 {
            let input = k % 4 == 0
                ? F.random(Int.random(in: 0...64, using: &rng), &rng)
                : F.mutate(valid.randomElement(using: &rng)!, &rng, interesting: interesting)
            do {
                let out = try Snappy.decompress(input, maxLength: 1 << 20)
                decoded += 1
                #expect(try Snappy.uncompressedLength(input) == out.count)
                #expect(try Snappy.decompress(Snappy.compress(out), maxLength: out.count) == out)
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
                #expect(error.offset >= 0 && error.offset <= input.count)
            }
        }
        #expect(decoded + refused == 4_000)
        #expect(refused > 0 && decoded > 0)
    }
}
