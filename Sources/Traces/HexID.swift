/// Zipkin's id rules (`Span.normalizeTraceId`, `Builder.id`, `Builder.parentId`), working on
/// ASCII bytes so the decoders never build an intermediate `String`.
///
/// - trace id: 1–32 hex characters, not all zeros. 16 and 32 are kept; a 32-character id
///   whose first 16 are zeros is downgraded to the last 16; shorter than 16 is left-padded
///   with zeros to 16; 17–31 is left-padded to 32.
/// - span id: 1–16 hex characters, not all zeros, left-padded to 16.
/// - parent id: like the span id, except that all zeros means "no parent".
/// - Upper-case hex is lowercased (the issue asks for normalising to lowercase; Zipkin
///   rejects it). Anything else that is not hex, including a `0x` prefix, is rejected with
///   `<id> should be lower-hex encoded with no prefix`.
///
/// Divergence: Zipkin only rejects an all-zero span id when it is 16 characters long (so
/// `"0"` slips through as `0000000000000000`); here an all-zero span id of any length is
/// rejected, since storage and linking treat zero as "no span".
enum HexID {
    enum Field: String { case traceId, id, parentId }

    /// Returns the normalised id, or nil for an all-zero parent id.
    static func normalize(_ p: UnsafeBufferPointer<UInt8>, _ field: Field) throws(SpanValidationError) -> String? {
        let length = p.count
        let name = field.rawValue
        if length == 0 { throw SpanValidationError(field: name, message: "\(name) is empty") }
        let max = field == .traceId ? 32 : 16
        if length > max { throw SpanValidationError(field: name, message: "\(name).length > \(max)") }
        var lower = false
        var zeros = 0
        var inZeroPrefix = true
        for c in p {
            if (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) {
                // lower-hex
            } else if c >= 0x41 && c <= 0x46 {
                lower = true
            } else {
                let text = String(decoding: p, as: UTF8.self)
                throw SpanValidationError(field: name, message: "\(text) should be lower-hex encoded with no prefix")
            }
            if c != 0x30 { inZeroPrefix = false } else if inZeroPrefix { zeros += 1 }
        }
        if zeros == length {
            if field == .parentId { return nil }
            throw SpanValidationError(field: name, message: "\(name) is all zeros")
        }
        var skip = 0
        let target: Int
        if field == .traceId {
            if length == 32 {
                target = 32
                if zeros >= 16 { skip = 16 }
            } else if length == 16 {
                target = 16
            } else {
                target = length < 16 ? 16 : 32
            }
        } else {
            target = 16
        }
        let outLength = target - skip
        let pad = target - length
        return String(unsafeUninitializedCapacity: outLength) { out in
            var o = 0
            if pad > 0 { for _ in 0..<pad { out[o] = 0x30; o += 1 } }
            for i in skip..<length {
                let c = p[i]
                out[o] = lower && c >= 0x41 && c <= 0x46 ? c + 0x20 : c
                o += 1
            }
            return outLength
        }
    }

    static func normalize(_ s: String, _ field: Field) throws(SpanValidationError) -> String? {
        var s = s
        let result: Result<String?, SpanValidationError> = s.withUTF8 { p in
            do throws(SpanValidationError) { return .success(try normalize(p, field)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Raw proto3 id bytes as lower-hex, before the same normalisation as text ids.
    static func normalize(bytes p: UnsafeBufferPointer<UInt8>, _ field: Field) throws(SpanValidationError) -> String? {
        let name = field.rawValue
        if p.count == 0 { throw SpanValidationError(field: name, message: "\(name) is empty") }
        let max = field == .traceId ? 16 : 8
        if p.count > max { throw SpanValidationError(field: name, message: "\(name).length > \(max * 2)") }
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return try withUnsafeMutableBytes(of: &buffer) { raw throws(SpanValidationError) -> String? in
            let out = raw.bindMemory(to: UInt8.self)
            for (i, b) in p.enumerated() {
                out[2 * i] = hexDigits[Int(b >> 4)]
                out[2 * i + 1] = hexDigits[Int(b & 0xf)]
            }
            return try normalize(UnsafeBufferPointer(rebasing: out[0..<(p.count * 2)]), field)
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lower-hex id text to raw bytes for proto3 (ids are already normalised, even length).
    static func bytes(_ hex: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8 = 0, odd = false
        for c in hex.utf8 {
            let v: UInt8 = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10
            if odd { out.append(high << 4 | v) } else { high = v }
            odd.toggle()
        }
        return out
    }
}
