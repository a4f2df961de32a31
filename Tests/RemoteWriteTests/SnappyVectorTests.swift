import Testing
@testable import RemoteWrite

/// Streams built by hand from format_description.txt, and each refusal the decoder makes.
@Suite struct SnappyVectorTests {
    typealias F = Fixtures

    func decode(_ hex: String, max: Int = 1 << 20) throws(SnappyError) -> [UInt8] {
        try Snappy.decompress(F.hex(hex), maxLength: max)
    }

    @Test func literals() throws {
        // Preamble 5; tag 000100|00 = literal of 4+1 bytes.
        #expect(try decode("05 10 68656c6c6f") == Array("hello".utf8))
        // Tag 60<<2 = f0: length-1 (99 = 0x63) in the next byte.
        let hundred = [UInt8](repeating: 0x41, count: 100)
        #expect(try Snappy.decompress([0x64, 0xf0, 0x63] + hundred, maxLength: 100) == hundred)
        // Tag 61<<2 = f4: length-1 in two little-endian bytes (0x012b = 299).
        let three = [UInt8](repeating: 0x42, count: 300)
        #expect(try Snappy.decompress([0xac, 0x02, 0xf4, 0x2b, 0x01] + three, maxLength: 300) == three)
    }

    @Test func copies() throws {
        // "abcd", then copy-1 (tag 1 | (8-4)<<2 | 0<<5 = 0x11, offset 4): overlaps itself.
        #expect(try decode("0c 0c 61626364 11 04") == Array("abcdabcdabcd".utf8))
        // "a", then copy-2 (tag 2 | (9-1)<<2 = 0x22, offset 0x0001 LE): a run of ten.
        #expect(try decode("0a 00 61 22 0100") == Array("aaaaaaaaaa".utf8))
        // "xyz", then copy-4 (tag 3 | (3-1)<<2 = 0x0b, offset 3 as 4 LE bytes).
        #expect(try decode("06 08 78797a 0b 03000000") == Array("xyzxyz".utf8))
        // copy-1 with offset bits in the tag: 256 literal bytes, then length 4 at offset 256
        // (tag 1 | 0<<2 | 1<<5 = 0x21, low byte 0x00).
        let lit = (0..<256).map { UInt8($0) }
        let out = try Snappy.decompress([0x84, 0x02, 0xf4, 0xff, 0x00] + lit + [0x21, 0x00], maxLength: 260)
        #expect(out == lit + [0, 1, 2, 3])
    }

    @Test func refusals() {
        func fails(_ hex: String, max: Int = 1 << 20, _ kind: SnappyError.Kind, at offset: Int) {
            #expect(throws: SnappyError(kind, at: offset)) { try decode(hex, max: max) }
        }
        fails("", .truncatedPreamble, at: 0)
        fails("80", .truncatedPreamble, at: 0)
        fails("ffffffff1f", .invalidPreamble, at: 0)       // 2^35 - 1
        fails("ffffffffff01", .invalidPreamble, at: 0)     // six bytes
        fails("808004", max: 1000, .lengthExceedsLimit(length: 65_536, limit: 1000), at: 0)
        fails("05 10 6865", .literalPastEnd(length: 5), at: 1)
        fails("05 f0", .truncatedTag, at: 1)
        fails("05 00 61 01 00", .zeroCopyOffset, at: 3)
        fails("05 00 61 01 02", .copyBeforeStart(offset: 2, position: 1), at: 3)
        fails("05 00 61 02 01", .truncatedTag, at: 3)
        fails("05 00 61 03 010000", .truncatedTag, at: 3)
        fails("01 04 6162", .outputOverrun(length: 2, position: 0), at: 1)
        fails("03 00 61 01 01", .outputOverrun(length: 4, position: 1), at: 3)
        fails("06 00 61", .lengthMismatch(expected: 6, actual: 1), at: 3)
        fails("00 00 61", .outputOverrun(length: 1, position: 0), at: 1)
        #expect(SnappyError(.zeroCopyOffset, at: 3).description == "snappy: copy with offset 0 at byte 3")
    }

    @Test func lengthLimitIsTheDeclaredLength() throws {
        // A bomb: 4 GiB declared, a few bytes sent. Refused before allocating anything.
        #expect(throws: SnappyError(.lengthExceedsLimit(length: Int(UInt32.max), limit: 1 << 20), at: 0)) {
            try decode("ffffffff0f 00 61 fe 0100")
        }
        #expect(try decode("05 10 68656c6c6f", max: 5).count == 5)
    }
}
