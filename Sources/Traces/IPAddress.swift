/// IP text parsing and printing as Zipkin's `Endpoint` does it (code adapted there from
/// Guava's `InetAddresses` and Netty's `NetUtil`), so addresses print exactly as a Zipkin
/// server prints them.
enum IPAddress {
    /// IPv4 keeps its text as given: Zipkin stores the string it validated, not a reprint.
    enum Parsed { case v4(String), v6([UInt8]) }

    /// `Endpoint.detectFamily` + parse. nil when the text is no IP address.
    static func parse(_ text: String) -> Parsed? {
        let u = Array(text.utf8)
        var hasColon = false, hasDot = false
        for c in u {
            if c == UInt8(ascii: ".") {
                hasDot = true
            } else if c == UInt8(ascii: ":") {
                if hasDot { return nil } // colons must not appear after dots
                hasColon = true
            } else if !isHex(c) {
                return nil
            }
        }
        if hasColon {
            if hasDot {
                // Only ::a.b.c.d and ::ffff:a.b.c.d (any case, zero or f) are accepted.
                guard let lastColon = u.lastIndex(of: UInt8(ascii: ":")),
                      parseV4(u[(lastColon + 1)...]) != nil else { return nil }
                let v4 = String(decoding: u[(lastColon + 1)...], as: UTF8.self)
                if lastColon == 1 && u[0] == UInt8(ascii: ":") { return .v4(v4) }
                guard lastColon == 6, u[0] == UInt8(ascii: ":"), u[1] == UInt8(ascii: ":") else { return nil }
                for i in 2..<6 {
                    let c = u[i]
                    if c != UInt8(ascii: "f") && c != UInt8(ascii: "F") && c != UInt8(ascii: "0") { return nil }
                }
                return .v4(v4)
            }
            guard let bytes = parseV6(text) else { return nil }
            return .v6(bytes)
        }
        if hasDot, parseV4(u[...]) != nil { return .v4(text) }
        return nil
    }

    static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }

    static func parseV4(_ text: String) -> [UInt8]? { parseV4(Array(text.utf8)[...]) }

    /// Netty's `isValidIpV4Address`: four decimal words 0–255, 7 to 15 characters. Like Netty,
    /// a word may have a leading zero ("01") but never more than three digits.
    static func parseV4(_ u: ArraySlice<UInt8>) -> [UInt8]? {
        guard u.count >= 7 && u.count <= 15 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(4)
        var value = 0, digits = 0
        for c in u {
            if c == UInt8(ascii: ".") {
                guard digits > 0, out.count < 3 else { return nil }
                out.append(UInt8(value))
                value = 0; digits = 0
            } else if c >= 0x30 && c <= 0x39 {
                digits += 1
                value = value * 10 + Int(c - 0x30)
                guard digits <= 3, value <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0, out.count == 3 else { return nil }
        out.append(UInt8(value))
        return out
    }

    /// Guava's `textToNumericFormatV6`: 3 to 9 colon-separated parts, at most one `::`.
    static func parseV6(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3 && parts.count <= 9 else { return nil }
        var skipIndex = -1
        for i in 1..<(parts.count - 1) where parts[i].isEmpty {
            if skipIndex >= 0 { return nil }
            skipIndex = i
        }
        var partsHi: Int, partsLo: Int
        if skipIndex >= 0 {
            partsHi = skipIndex
            partsLo = parts.count - skipIndex - 1
            if parts[0].isEmpty { partsHi -= 1; if partsHi != 0 { return nil } }
            if parts[parts.count - 1].isEmpty { partsLo -= 1; if partsLo != 0 { return nil } }
        } else {
            partsHi = parts.count
            partsLo = 0
        }
        let skipped = 8 - (partsHi + partsLo)
        guard skipIndex >= 0 ? skipped >= 1 : skipped == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(16)
        func hextet(_ p: Substring) -> Bool {
            guard !p.isEmpty, p.utf8.count <= 4, let v = UInt16(p, radix: 16) else { return false }
            out.append(UInt8(v >> 8)); out.append(UInt8(v & 0xff))
            return true
        }
        for i in 0..<partsHi { guard hextet(parts[i]) else { return nil } }
        for _ in 0..<skipped { out.append(0); out.append(0) }
        var i = partsLo
        while i > 0 { guard hextet(parts[parts.count - i]) else { return nil }; i -= 1 }
        return out
    }

    /// `Endpoint.Builder.parseEmbeddedIPv4`: 80 zero bits then 0x0000 (IPv4-compatible) —
    /// except `::1` (localhost). Note that Zipkin does not unwrap `::ffff:` from bytes.
    static func embeddedV4(_ b: [UInt8]) -> [UInt8]? {
        for i in 0..<10 where b[i] != 0 { return nil }
        guard b[10] == 0 && b[11] == 0 else { return nil }
        if b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] == 1 { return nil }
        return Array(b[12..<16])
    }

    static func formatV4(_ b: [UInt8]) -> String {
        "\(b[0]).\(b[1]).\(b[2]).\(b[3])"
    }

    /// `Endpoint.writeIpV6`: compresses the first longest run of zero hextets (a run at the
    /// very end is only used when there was no earlier run), no leading zeros, lowercase.
    static func formatV6(_ b: [UInt8]) -> String {
        var zeroCompressionIndex = -1, zeroCompressionLength = -1, zeroIndex = -1
        var allZeros = true
        var i = 0
        while i < 16 {
            if b[i] == 0 && b[i + 1] == 0 {
                if zeroIndex < 0 { zeroIndex = i }
                i += 2
                continue
            }
            allZeros = false
            if zeroIndex >= 0 {
                let len = i - zeroIndex
                if len > zeroCompressionLength { zeroCompressionIndex = zeroIndex; zeroCompressionLength = len }
                zeroIndex = -1
            }
            i += 2
        }
        if allZeros { return "::" }
        if zeroCompressionIndex == -1 && zeroIndex != -1 {
            zeroCompressionIndex = zeroIndex
            zeroCompressionLength = 16 - zeroIndex
        }
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        i = 0
        while i < 16 {
            if i == zeroCompressionIndex {
                out.append(UInt8(ascii: ":"))
                i += zeroCompressionLength
                if i == 16 { out.append(UInt8(ascii: ":")) }
                continue
            }
            if i != 0 { out.append(UInt8(ascii: ":")) }
            let high = b[i], low = b[i + 1]
            i += 2
            var leadingZero = true
            for nibble in [high >> 4, high & 0xf, low >> 4] {
                if !(leadingZero && nibble == 0) { out.append(hex[Int(nibble)]); leadingZero = false }
            }
            out.append(hex[Int(low & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
