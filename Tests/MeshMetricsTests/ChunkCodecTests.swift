import Testing
import MeshMetrics

/// Deterministic generator so failures reproduce (SplitMix64).
private struct ChunkTestRNG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        let z = (state ^ (state >> 30)) &* 0xbf58_476d_1ce4_e5b9
        let y = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return y ^ (y >> 31)
    }
}

private func chunkBytes(_ samples: [Sample]) throws -> [UInt8] {
    var encoder = XORChunkEncoder()
    for sample in samples { try encoder.append(timestamp: sample.timestamp, value: sample.value) }
    return encoder.bytes
}

/// Encodes, decodes, and checks timestamps and value bits are identical.
private func expectChunkRoundTrip(_ samples: [Sample], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = try chunkBytes(samples)
    let decoded = try XORChunkDecoder.decodeAll(bytes)
    #expect(decoded.count == samples.count, sourceLocation: sourceLocation)
    for (got, want) in zip(decoded, samples) where !got.isIdentical(to: want) {
        Issue.record("got \(got) (\(got.value.bitPattern)), want \(want) (\(want.value.bitPattern))", sourceLocation: sourceLocation)
        return
    }
    #expect(try XORChunkDecoder.count(of: bytes) == samples.count, sourceLocation: sourceLocation)
}

private func chunkSeries(_ timestamps: [Int64], value: Double = 1) -> [Sample] {
    timestamps.map { Sample(timestamp: $0, value: value) }
}

private func chunkCounter(_ n: Int, seed: UInt64, start: Int64 = 1_700_000_000_000, step: Int64 = 15_000) -> [Sample] {
    var rng = ChunkTestRNG(state: seed)
    var value = 0.0
    return (0..<n).map { i in
        value += Double(Int.random(in: 0...20, using: &rng))
        return Sample(timestamp: start + Int64(i) * step, value: value)
    }
}

/// A mix that exercises every timestamp bucket, window change, and odd value.
private let chunkMixedSamples: [Sample] = {
    let gaps: [Int64] = [15_000, 15_000, 15_001, 14_990, 30_000, 8_000, 200_000, 700_000, 1, 315_576_000_000, 2, 15_000]
    let values: [Double] = [1, 1, 2.5, .nan, StaleNaN.value, .infinity, -.infinity, -0.0, 0, .leastNonzeroMagnitude,
                            .greatestFiniteMagnitude, 3.25, 1e300]
    var t: Int64 = -86_400_000
    return values.enumerated().map { i, v in
        defer { t += gaps[i % gaps.count] }
        return Sample(timestamp: t, value: v)
    }
}()

@Suite("XOR chunk codec")
struct ChunkCodecTests {
    @Test func emptyChunkIsJustTheHeader() throws {
        let encoder = XORChunkEncoder()
        #expect(encoder.bytes == [0, 0] && encoder.count == 0 && encoder.minTime == nil && encoder.maxTime == nil && encoder.lastSample == nil)
        #expect(try XORChunkDecoder.decodeAll(encoder.bytes).isEmpty)
    }

    @Test func goldenBytesMatchTheDocumentedLayout() throws {
        // FORMAT.md: count 3; zigzag(1000)=2000 -> D0 0F; 1.0; delta 1000 -> E8 07; then '0' '00' bits.
        let bytes = try chunkBytes(chunkSeries([1000, 2000, 3000]))
        #expect(bytes == [0x00, 0x03, 0xD0, 0x0F, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0xE8, 0x07, 0x00])
        // zigzag(-1) = 1: a one-byte varint right after the header.
        #expect(Array(try chunkBytes(chunkSeries([-1])).prefix(3)) == [0x00, 0x01, 0x01])
    }

    @Test func constantSeries() throws {
        let samples = chunkSeries((0..<120).map { Int64($0) * 15_000 }, value: 42)
        try expectChunkRoundTrip(samples)
        // Header 2 + first 1+8 + delta 2 bytes, then 1 + 118 * 2 bits = 30 bytes.
        #expect(try chunkBytes(samples).count == 43)
    }

    @Test func counterSeries() throws {
        let samples = chunkCounter(120, seed: 1)
        try expectChunkRoundTrip(samples)
        #expect(Double(try chunkBytes(samples).count) / 120 < 2.0)
    }

    @Test(arguments: [1, 2, 3, 99] as [UInt64])
    func randomDoubles(seed: UInt64) throws {
        var rng = ChunkTestRNG(state: seed)
        let samples = (0..<500).map { i in
            Sample(timestamp: Int64(i) * 10_000 + Int64.random(in: -50...50, using: &rng),
                   value: Double(bitPattern: rng.next()))
        }
        try expectChunkRoundTrip(samples)
    }

    @Test(arguments: [
        0x7ff8_0000_0000_0000, StaleNaN.bitPattern, 0x7ff0_0000_0000_0001, 0xfff8_0000_0000_00ff,
        Double.infinity.bitPattern, (-Double.infinity).bitPattern, (-0.0).bitPattern, 0,
        Double.leastNonzeroMagnitude.bitPattern, Double.leastNormalMagnitude.nextDown.bitPattern,
        Double.greatestFiniteMagnitude.bitPattern, (-Double.greatestFiniteMagnitude).bitPattern,
    ] as [UInt64])
    func specialValuesKeepTheirBits(bits: UInt64) throws {
        let special = Double(bitPattern: bits)
        // First (raw), second (new window), repeated ('0'), and after others.
        let samples = [special, special, 1.5, special, special, -2, special].enumerated().map {
            Sample(timestamp: Int64($0.offset) * 1000, value: $0.element)
        }
        #expect(try XORChunkDecoder.decodeAll(try chunkBytes(samples)).map(\.value.bitPattern) == samples.map(\.value.bitPattern))
    }

    @Test func staleMarkerAndNegativeZeroSurviveBitForBit() throws {
        let decoded = try XORChunkDecoder.decodeAll(try chunkBytes([Sample(timestamp: 1, value: 7),
            Sample(timestamp: 2, value: StaleNaN.value), Sample(timestamp: 3, value: -0.0)]))
        #expect(decoded[1].value.isStaleMarker && decoded[1].value.bitPattern == 0x7ff0_0000_0000_0002)
        #expect(decoded[2].value.bitPattern == 0x8000_0000_0000_0000)
    }

    @Test func largeGapsAndNegativeTimestamps() throws {
        let tenYears: Int64 = 315_576_000_000
        try expectChunkRoundTrip(chunkSeries([0, 1, 1 + tenYears, 2 + tenYears, 3 + 2 * tenYears]))
        try expectChunkRoundTrip(chunkSeries([-5_000_000_000_000, -4_999_999_999_985, -15_000, -1, 0, 1, 15_000]))
        try expectChunkRoundTrip(chunkMixedSamples)
    }

    @Test func extremeTimestampsUseWrappingWithoutTrapping() throws {
        try expectChunkRoundTrip(chunkSeries([.min, .max]))
        try expectChunkRoundTrip(chunkSeries([.min, .min + 1, .max]))
        try expectChunkRoundTrip(chunkSeries([.min, 0, .max]))
        try expectChunkRoundTrip(chunkSeries([.min, .max - 2, .max - 1, .max]))
        var rng = ChunkTestRNG(state: 7)
        let random = Set((0..<300).map { _ in Int64(bitPattern: rng.next()) }).sorted()
        try expectChunkRoundTrip(chunkSeries(random))
    }

    /// Each delta-of-delta must land in its Prometheus bucket: the number of
    /// leading '1' bits of the third sample's control prefix.
    @Test(arguments: [
        (0, 0), (1, 1), (-1, 1), (8192, 1), (-8191, 1), (-8192, 2), (8193, 2), (65536, 2), (-65535, 2),
        (-65536, 3), (65537, 3), (524_288, 3), (-524_287, 3), (-524_288, 4), (524_289, 4), (1 << 40, 4), (-(1 << 40), 4),
    ] as [(Int64, Int)])
    func deltaOfDeltaBuckets(dod: Int64, ones: Int) throws {
        let first: Int64 = 1 << 42
        let twoSamples = try chunkBytes(chunkSeries([0, first]))
        let bytes = try chunkBytes(chunkSeries([0, first, 2 * first + dod]))
        // Prefix starts right after the second sample's single '0' value bit.
        let start = (twoSamples.count - 1) * 8 + 1
        let bit = { (i: Int) in bytes[i / 8] & (0x80 >> UInt8(i % 8)) != 0 }
        var prefix = 0
        while prefix < 4 && bit(start + prefix) { prefix += 1 }
        #expect(prefix == ones)
        try expectChunkRoundTrip(chunkSeries([0, first, 2 * first + dod]))
    }

    @Test func exactly120Samples() throws {
        let samples = chunkCounter(120, seed: 120)
        let bytes = try chunkBytes(samples)
        #expect(bytes[0] == 0 && bytes[1] == 120)
        #expect(try XORChunkDecoder.decodeAll(bytes).count == 120)
        try expectChunkRoundTrip(samples)
    }

    @Test func rejectsOutOfOrderAndDuplicatesAndStaysUsable() throws {
        var encoder = XORChunkEncoder()
        try encoder.append(timestamp: 1000, value: 1)
        try encoder.append(timestamp: 2000, value: 2)
        let before = encoder.bytes
        #expect(throws: ChunkError.outOfOrder(last: 2000, got: 1999)) { try encoder.append(timestamp: 1999, value: 9) }
        #expect(throws: ChunkError.outOfOrder(last: 2000, got: 2000)) { try encoder.append(timestamp: 2000, value: 2) }
        #expect(throws: ChunkError.outOfOrder(last: 2000, got: .min)) { try encoder.append(timestamp: .min, value: 2) }
        #expect(encoder.bytes == before && encoder.count == 2 && encoder.maxTime == 2000)
        try encoder.append(timestamp: 3000, value: 3)
        #expect(encoder.bytes == (try chunkBytes(chunkSeries([1000, 2000, 3000]).enumerated().map {
            Sample(timestamp: $0.element.timestamp, value: Double($0.offset + 1))
        })))
    }

    @Test func fullChunkRejectsTheNextSample() throws {
        var encoder = XORChunkEncoder()
        for i in 0..<XORChunkFormat.maxSamples { try encoder.append(timestamp: Int64(i), value: Double(i % 7)) }
        let before = encoder.bytes
        #expect(throws: ChunkError.full(capacity: 65535)) { try encoder.append(timestamp: 1 << 40, value: 0) }
        let unchanged = encoder.bytes == before // not inside #expect: it would print 1 MB
        #expect(unchanged)
        #expect(try XORChunkDecoder.count(of: before) == 65535)
        #expect(try XORChunkDecoder.decodeAll(before).last?.timestamp == 65534)
    }

    @Test func accessorsTrackAppends() throws {
        var encoder = XORChunkEncoder()
        for (i, sample) in chunkMixedSamples.enumerated() {
            try encoder.append(timestamp: sample.timestamp, value: sample.value)
            #expect(encoder.count == i + 1 && encoder.minTime == chunkMixedSamples[0].timestamp && encoder.maxTime == sample.timestamp)
            #expect(encoder.lastSample?.isIdentical(to: sample) == true)
            #expect(try XORChunkDecoder.count(of: encoder.bytes) == i + 1)
            // Every intermediate state is a complete chunk.
            #expect(try XORChunkDecoder.decodeAll(encoder.bytes).count == i + 1)
        }
    }

    @Test func resumingAfterEveryPrefixIsByteIdentical() throws {
        let samples = chunkMixedSamples + chunkCounter(40, seed: 5, start: chunkMixedSamples.last!.timestamp + 1)
        let full = try chunkBytes(samples)
        for k in 0...samples.count {
            var resumed = try XORChunkEncoder(resuming: try chunkBytes(Array(samples[..<k])))
            #expect(resumed.count == k && resumed.minTime == (k > 0 ? samples[0].timestamp : nil))
            #expect(resumed.lastSample.map { $0.isIdentical(to: samples[k - 1]) } ?? (k == 0))
            for sample in samples[k...] { try resumed.append(timestamp: sample.timestamp, value: sample.value) }
            #expect(resumed.bytes == full, "prefix \(k)")
        }
    }

    @Test func resumingIgnoresTrailingBytesAndPaddingBits() throws {
        let samples = chunkCounter(10, seed: 9)
        let prefix = try chunkBytes(Array(samples[..<5]))
        var dirty = prefix
        dirty[dirty.count - 1] |= 0x01 // unused padding bit (the stream ends mid-byte)
        dirty += [0xAB, 0xCD]
        // Same samples, so the flipped bit really was padding.
        #expect(try XORChunkDecoder.decodeAll(dirty).elementsEqual(samples[..<5]) { $0.isIdentical(to: $1) })
        var resumed = try XORChunkEncoder(resuming: dirty)
        #expect(resumed.bytes == prefix)
        for sample in samples[5...] { try resumed.append(timestamp: sample.timestamp, value: sample.value) }
        #expect(resumed.bytes == (try chunkBytes(samples)))
    }

    @Test func truncatedChunksNeverTrap() throws {
        let samples = chunkMixedSamples + chunkCounter(20, seed: 3, start: chunkMixedSamples.last!.timestamp + 1)
        let full = try chunkBytes(samples)
        for length in 0..<full.count {
            let cut = Array(full[..<length])
            do {
                let decoded = try XORChunkDecoder.decodeAll(cut)
                #expect(decoded.count < samples.count)
                #expect(zip(decoded, samples).allSatisfy { $0.isIdentical(to: $1) })
            } catch {
                if case .corrupt = error {} else { Issue.record("unexpected \(error)") }
            }
            // The non-throwing iterator stops and reports why.
            if var iterator = try? XORChunkDecoder(cut) {
                while iterator.next() != nil {}
                #expect(iterator.error != nil || iterator.decodedCount == iterator.count)
            }
            #expect(throws: ChunkError.self) { try XORChunkEncoder(resuming: cut) }
        }
    }

    @Test func bitFlipsAndRandomBytesNeverTrap() throws {
        let full = try chunkBytes(chunkMixedSamples)
        for bit in 0..<(full.count * 8) {
            var flipped = full
            flipped[bit / 8] ^= 0x80 >> UInt8(bit % 8)
            _ = try? XORChunkDecoder.decodeAll(flipped)
            _ = try? XORChunkEncoder(resuming: flipped)
        }
        var rng = ChunkTestRNG(state: 42)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if let decoded = try? XORChunkDecoder.decodeAll(bytes) {
                // Whatever decodes must have strictly increasing timestamps.
                #expect(zip(decoded, decoded.dropFirst()).allSatisfy { $0.timestamp < $1.timestamp })
            }
        }
    }

    @Test func malformedStreamsGiveTypedErrors() throws {
        /// Header, then sample 0 = (0, 0.0), then `tail` given as '0'/'1' characters.
        func chunk(count: UInt8, _ tail: String) -> [UInt8] {
            let bits = Array(String(repeating: "0", count: 72) + tail.filter { $0 != " " })
            return [0, count] + stride(from: 0, to: bits.count, by: 8).map { start in
                (0..<8).reduce(UInt8(0)) { byte, i in byte << 1 | (start + i < bits.count && bits[start + i] == "1" ? 1 : 0) }
            }
        }
        let zeros64 = String(repeating: "0", count: 64)
        let cases: [(String, [UInt8])] = [
            ("short header", [0x00]),
            ("more samples than bits", chunk(count: 3, "")),
            ("zero delta", chunk(count: 2, "00000000 0")),
            ("reuse before window", chunk(count: 2, "00000101 10" + zeros64)),
            ("window over 64 bits", chunk(count: 2, "00000101 11 11111 000000" + zeros64)),
            ("varint too long", chunk(count: 2, String(repeating: "11111111", count: 10) + "00000001")),
            ("varint over 64 bits", chunk(count: 2, String(repeating: "11111111", count: 9) + "00000010 0")),
            ("timestamp overflow", [0x00, 0x02, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x00]),
        ]
        // A well-formed stream built the same way decodes, so the cases above fail for their stated reason.
        #expect(try XORChunkDecoder.decodeAll(chunk(count: 2, "00000101 0")).last?.timestamp == 5)
        for (name, bytes) in cases {
            do {
                Issue.record("\(name): decoded \(try XORChunkDecoder.decodeAll(bytes))")
            } catch {
                if case .corrupt = error {} else { Issue.record("\(name): \(error)") }
            }
        }
        #expect(throws: ChunkError.corrupt(offset: 1, reason: "missing 2-byte sample count header")) {
            try XORChunkDecoder.count(of: [0x00])
        }
    }

    @Test func iteratorYieldsTheSameSamples() throws {
        let seen = Array(try XORChunkDecoder(try chunkBytes(chunkMixedSamples)))
        #expect(seen.count == chunkMixedSamples.count && zip(seen, chunkMixedSamples).allSatisfy { $0.isIdentical(to: $1) })
    }
}
