/// Hex id rules shared by B3 and W3C: lower-case on the way out, any case accepted on the
/// way in, all-zero ids invalid.
enum TraceHex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func format(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { out in
            for i in 0..<16 {
                out[i] = digits[Int((value >> UInt64((15 - i) * 4)) & 0xf)]
            }
            return 16
        }
    }

    /// The id lower-cased when it is exactly `lengths` hex digits and not all zeros.
    static func normalize(_ text: Substring, lengths: Set<Int>) -> String? {
        let utf8 = text.utf8
        guard lengths.contains(utf8.count) else { return nil }
        var nonZero = false
        for c in utf8 {
            switch c {
            case UInt8(ascii: "0"): break
            case UInt8(ascii: "1")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
                 UInt8(ascii: "A")...UInt8(ascii: "F"): nonZero = true
            default: return nil
            }
        }
        return nonZero ? text.lowercased() : nil
    }

    /// A B3 trace id: 16 or 32 hex digits.
    static func traceID(_ text: Substring) -> String? { normalize(text, lengths: [16, 32]) }

    /// A B3 or W3C span id: 16 hex digits.
    static func spanID(_ text: Substring) -> String? { normalize(text, lengths: [16]) }

    /// W3C wants 32 digits; a 64-bit B3 id is left-padded with zeros, as Envoy does.
    static func w3cTraceID(_ id: String) -> String {
        id.utf8.count == 32 ? id : String(repeating: "0", count: 32 - id.utf8.count) + id
    }
}
