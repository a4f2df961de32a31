import Testing
@testable import Traces

/// Seeded mutations of valid bodies: each decoder must return spans or throw its typed
/// error, never trap. Reproduce a failure from the seed printed by the test name.
@Suite struct FuzzTests {
    typealias F = Fixtures

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func jsonDecoderSurvivesMutations(seed: UInt64) {
        var rng = F.Random(state: seed)
        let base = F.bytes("[" + F.typicalJSON + "," + #"{"traceId":"1","id":"2","tags":{"a":"\u00e9"}}"# + "]")
        let interesting = Array(#"{}[]",:\0123456789abcdefnulltrue-e."#.utf8) + [0x00, 0xFF, 0xC3, 0x0A]
        var decoded = 0, refused = 0
        for _ in 0..<5_000 {
            let input = F.mutate(base, &rng, interesting: interesting)
            do {
                let spans = try SpanJSONDecoder.decodeList(input)
                decoded += 1
                // Whatever decodes re-encodes and decodes to the same spans.
                #expect(try SpanJSONDecoder.decodeList(SpanJSONEncoder.encode(spans)) == spans)
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(decoded + refused == 5_000)
        #expect(refused > 0)
    }

    @Test(arguments: [5, 6, 7, 8] as [UInt64])
    func protoDecoderSurvivesMutations(seed: UInt64) {
        var rng = F.Random(state: seed)
        let base = SpanProtoEncoder.encode([F.typical(), SpanProtoTests.expected])
        let interesting: [UInt8] = [0x00, 0x01, 0x02, 0x07, 0x08, 0x0A, 0x12, 0x1A, 0x7F, 0x80, 0xFF]
        var decoded = 0, refused = 0
        for _ in 0..<5_000 {
            let input = F.mutate(base, &rng, interesting: interesting)
            do {
                let spans = try SpanProtoDecoder.decodeList(input)
                decoded += 1
                #expect(try SpanProtoDecoder.decodeList(SpanProtoEncoder.encode(spans)) == spans)
            } catch {
                refused += 1
                #expect(error.byteOffset != nil)
            }
        }
        #expect(decoded > 0)
        #expect(refused > 0)
    }

    @Test func randomBytesNeverTrap() {
        var rng = F.Random(state: 42)
        for _ in 0..<3_000 {
            let n = Int.random(in: 0..<64, using: &rng)
            let input = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? SpanProtoDecoder.decodeList(input)
            _ = try? SpanJSONDecoder.decodeList([UInt8(ascii: "[")] + input)
        }
    }
}
