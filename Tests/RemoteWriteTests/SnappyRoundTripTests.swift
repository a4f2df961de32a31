import MeshMetrics
import Testing
@testable import RemoteWrite

/// compress → decompress gives the input back, across sizes and the 64 KiB fragment edge.
@Suite struct SnappyRoundTripTests {
    typealias F = Fixtures

    func roundTrip(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let packed = Snappy.compress(input)
        #expect(packed.count <= Snappy.maxCompressedLength(input.count), sourceLocation: sourceLocation)
        #expect(try Snappy.uncompressedLength(packed) == input.count, sourceLocation: sourceLocation)
        let back = try Snappy.decompress(packed, maxLength: input.count)
        #expect(back == input, sourceLocation: sourceLocation)
    }

    @Test func emptyAndOneByte() throws {
        #expect(Snappy.compress([]) == [0x00])
        try roundTrip([])
        try roundTrip([0x42])
        // Below 17 bytes everything is one literal: preamble 5, tag (5-1)<<2, bytes.
        #expect(Snappy.compress(Array("hello".utf8)) == F.hex("05 10 68656c6c6f"))
    }

    @Test func incompressibleRandomData() throws {
        var rng = SplitMix64(seed: 1)
        for n in [17, 100, 4096, 70_000, 300_000] {
            let input = F.random(n, &rng)
            try roundTrip(input)
            // Literals only: overhead of a few bytes per 64 KiB.
            #expect(Snappy.compress(input).count <= n + 5 + 4 * (n / 65536 + 1))
        }
    }

    @Test func oneMebibyteRepetitive() throws {
        let line = Array("http_requests_total{method=\"GET\",code=\"200\"} 1027 1395066363000\n".utf8)
        var input: [UInt8] = []
        while input.count < 1 << 20 { input += line }
        input.removeSubrange((1 << 20)...)
        try roundTrip(input)
        #expect(Snappy.compress(input).count < input.count / 15)
        // A run of one byte compresses into 64-byte copies.
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        try roundTrip(zeros)
        #expect(Snappy.compress(zeros).count < 60_000)
    }

    @Test(arguments: [65_535, 65_536, 65_537, 65_536 + 16, 65_536 + 17, 131_072 + 5, 200_000])
    func acrossFragmentBoundary(size: Int) throws {
        var rng = SplitMix64(seed: UInt64(size))
        // A repeating random pattern, so matches straddle the 64 KiB cut.
        let pattern = F.random(1000, &rng)
        let input = (0..<size).map { pattern[$0 % pattern.count] }
        try roundTrip(input)
        #expect(Snappy.compress(input).count < size / 10)
    }

    @Test func typicalRemoteWritePayloadShrinksThreefold() throws {
        let payload = F.typicalPayload(bytes: 256 * 1024)
        let packed = Snappy.compress(payload)
        #expect(packed.count * 3 <= payload.count, "\(payload.count) → \(packed.count)")
        #expect(try Snappy.decompress(packed, maxLength: payload.count) == payload)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func structuredRandomInputs(seed: UInt64) throws {
        // Mixes of literals, near and far repeats and runs exercise every copy form.
        var rng = SplitMix64(seed: seed)
        for _ in 0..<60 {
            var input: [UInt8] = []
            let target = Int.random(in: 0...20_000, using: &rng)
            while input.count < target {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: input += F.random(Int.random(in: 1...80, using: &rng), &rng)
                case 1 where !input.isEmpty:
                    let from = Int.random(in: 0..<input.count, using: &rng)
                    input += input[from..<min(input.count, from + Int.random(in: 4...300, using: &rng))]
                case 2: input += [UInt8](repeating: UInt8.random(in: 0...3, using: &rng), count: Int.random(in: 1...200, using: &rng))
                default: input += Array("label_name=\"value\",".utf8)
                }
            }
            try roundTrip(input)
        }
    }
}
