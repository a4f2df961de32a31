/// Decoding of the byte ranges a `JSONValue` points at: strings with their escapes and
/// numbers. Invalid UTF-8 becomes U+FFFD here, in the model's strings only; the record's
/// `raw` bytes keep the original.
struct JSONText {
    let p: UnsafeBufferPointer<UInt8>

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }

    func bytes(_ s: JSONSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: p[s.start..<s.end])
    }

    /// The decoded string (escapes resolved, invalid UTF-8 replaced).
    func string(_ s: JSONSpan) -> String {
        if !s.escaped { return String(decoding: bytes(s), as: UTF8.self) }
        return String(decoding: unescaped(s), as: UTF8.self)
    }

    /// The string's bytes with escapes resolved; other bytes as they are. Escapes were
    /// validated by the parser. A lone surrogate (`\ud800`) becomes U+FFFD.
    func unescaped(_ s: JSONSpan) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var j = s.start
        while j < s.end {
            let c = p[j]
            if c != UInt8(ascii: "\\") { out.append(c); j += 1; continue }
            let e = p[j + 1]
            j += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let unit = hex4(j)
                j += 4
                var scalar = Unicode.Scalar(unit)
                if unit >= 0xD800 && unit < 0xDC00, j + 6 <= s.end, p[j] == UInt8(ascii: "\\"), p[j + 1] == UInt8(ascii: "u") {
                    let low = hex4(j + 2)
                    if low >= 0xDC00 && low < 0xE000 {
                        scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
                        j += 6
                    }
                }
                out.append(contentsOf: String((scalar ?? "\u{FFFD}")).utf8)
            default: out.append(e) // \" \\ \/
            }
        }
        return out
    }

    private func hex4(_ at: Int) -> UInt16 {
        var v: UInt16 = 0
        for k in at..<(at + 4) { v = v << 4 | UInt16(Self.hexValue(p[k]) ?? 0) }
        return v
    }

    /// The string equals `word` byte for byte (after unescaping when escaped).
    func equals(_ s: JSONSpan, _ word: StaticString) -> Bool {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        if s.escaped { return unescaped(s).elementsEqual(w) }
        return s.count == w.count && bytes(s).elementsEqual(w)
    }

    /// An integer literal or numeric string (`200`, `-3`), nil when it has a fraction,
    /// an exponent, other characters, or does not fit.
    func integer(_ s: JSONSpan) -> Int64? {
        var j = s.start
        var negative = false
        if j < s.end && p[j] == UInt8(ascii: "-") { negative = true; j += 1 }
        guard j < s.end else { return nil }
        var v: Int64 = 0
        while j < s.end {
            let c = p[j]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c - 0x30))
            if o1 || o2 { return nil }
            v = a
            j += 1
        }
        return negative ? -v : v
    }

    /// Any JSON number, or a numeric string with optional surrounding spaces.
    func double(_ s: JSONSpan) -> Double? {
        if let v = integer(s), abs(v) < 1 << 53 { return Double(v) }
        let text = String(decoding: bytes(s), as: UTF8.self).trimmingSpaces
        guard !text.isEmpty, text.utf8.allSatisfy({ Self.isNumberByte($0) }) else { return nil }
        return Double(text)
    }

    private static func isNumberByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
            || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs (no Foundation).
    var trimmingSpaces: String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == u.startIndex && last == u.index(before: u.endIndex) { return self }
        return String(self[first...last])
    }
}
