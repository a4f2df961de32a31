import MeshMetrics
import Testing
@testable import RemoteWrite

/// Seeded random and mutated requests: the decoder returns or throws its typed error,
/// never traps; whatever decodes re-encodes to something that decodes the same.
@Suite struct WriteRequestFuzzTests {
    typealias F = Fixtures

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func decoderSurvivesRandomAndMutatedInput(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let valid = [
            WriteRequestEncoder.encode(F.typicalRequest(series: 3, seed: seed)),
            WriteRequestEncoder.encode(WriteRequestRoundTripTests.varied),
            WriteRequestEncoder.encode(WriteRequestGoldenTests.tiny),
        ]
        let interesting: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x12, 0x1a, 0x7f, 0x80, 0xff, 0xc3, 0xed]
        var decoded = 0, refused = 0
        for k in 0..<4_000 {
            let input = k % 4 == 0
                ? F.random(Int.random(in: 0...48, using: &rng), &rng)
                : F.mutate(valid.randomElement(using: &rng)!, &rng, interesting: interesting)
            do {
                let request = try WriteRequestDecoder.decode(input)
                decoded += 1
                let again = try WriteRequestDecoder.decode(WriteRequestEncoder.encode(request))
                #expect(again.isIdentical(to: request))
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
