/// The validating block decoder: every length and offset is checked against both the
/// input left and the declared output length before any byte moves.
enum SnappyDecompressor {
    /// Reads the uncompressed-length varint (at most 5 bytes, at most 2^32 - 1).
    static func preamble(_ input: [UInt8], _ i: inout Int) throws(SnappyError) -> Int {
        var value: UInt64 = 0
        for k in 0..<5 {
            guard i < input.count else { throw SnappyError(.truncatedPreamble, at: 0) }
            let b = input[i]
            i += 1
            value |= UInt64(b & 0x7f) << (7 * UInt64(k))
            if b < 0x80 {
                guard value <= UInt64(UInt32.max) else { throw SnappyError(.invalidPreamble, at: 0) }
                return Int(value)
            }
        }
        throw SnappyError(.invalidPreamble, at: 0)
    }

    static func decompress(_ input: [UInt8], maxLength: Int) throws(SnappyError) -> [UInt8] {
        var start = 0
        let length = try preamble(input, &start)
        guard length <= max(0, maxLength) else {
            throw SnappyError(.lengthExceedsLimit(length: length, limit: maxLength), at: 0)
        }
        if length == 0 {
            // Any element would write past an empty output.
            guard start == input.count else {
                throw SnappyError(.outputOverrun(length: 1, position: 0), at: start)
            }
            return []
        }
        var failure: SnappyError?
        let output = [UInt8](unsafeUninitializedCapacity: length) { out, count in
            let result = input.withUnsafeBufferPointer { src in
                decodeTags(src, from: start, into: out.baseAddress!, length: length)
            }
            switch result {
            case .success: count = length
            case .failure(let e): failure = e; count = 0
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Decodes the elements after the preamble; succeeds only when exactly `length` bytes
    /// were written.
    static func decodeTags(_ src: UnsafeBufferPointer<UInt8>, from start: Int,
                           into out: UnsafeMutablePointer<UInt8>, length: Int) -> Result<Void, SnappyError> {
        let n = src.count
        var ip = start, op = 0
        while ip < n {
            let tagAt = ip
            let tag = src[ip]
            ip += 1
            var count: Int, offset: Int
            switch tag & 3 {
            case 0:
                count = Int(tag >> 2)
                if count >= 60 {
                    // 60...63: the length-1 follows in 1...4 little-endian bytes.
                    let extra = count - 59
                    guard n - ip >= extra else { return .failure(SnappyError(.truncatedTag, at: tagAt)) }
                    count = 0
                    for k in 0..<extra { count |= Int(src[ip + k]) << (8 * k) }
                    ip += extra
                }
                count += 1
                guard count <= n - ip else { return .failure(SnappyError(.literalPastEnd(length: count), at: tagAt)) }
                guard count <= length - op else {
                    return .failure(SnappyError(.outputOverrun(length: count, position: op), at: tagAt))
                }
                (out + op).update(from: src.baseAddress! + ip, count: count)
                ip += count
                op += count
                continue
            case 1:
                guard ip < n else { return .failure(SnappyError(.truncatedTag, at: tagAt)) }
                count = 4 + Int((tag >> 2) & 7)
                offset = Int(tag >> 5) << 8 | Int(src[ip])
                ip += 1
            case 2:
                guard n - ip >= 2 else { return .failure(SnappyError(.truncatedTag, at: tagAt)) }
                count = 1 + Int(tag >> 2)
                offset = Int(src[ip]) | Int(src[ip + 1]) << 8
                ip += 2
            default:
                guard n - ip >= 4 else { return .failure(SnappyError(.truncatedTag, at: tagAt)) }
                count = 1 + Int(tag >> 2)
                offset = Int(src[ip]) | Int(src[ip + 1]) << 8 | Int(src[ip + 2]) << 16 | Int(src[ip + 3]) << 24
                ip += 4
            }
            guard offset != 0 else { return .failure(SnappyError(.zeroCopyOffset, at: tagAt)) }
            guard offset <= op else {
                return .failure(SnappyError(.copyBeforeStart(offset: offset, position: op), at: tagAt))
            }
            guard count <= length - op else {
                return .failure(SnappyError(.outputOverrun(length: count, position: op), at: tagAt))
            }
            if offset >= count {
                (out + op).update(from: out + op - offset, count: count)
            } else {
                // Overlapping copy repeats the last `offset` bytes (run-length style).
                for k in 0..<count { out[op + k] = out[op - offset + k] }
            }
            op += count
        }
        guard op == length else {
            return .failure(SnappyError(.lengthMismatch(expected: length, actual: op), at: n))
        }
        return .success(())
    }
}
