/// Go's float formats that PromQL output depends on.
enum FloatFormat {
    /// `strconv.FormatFloat(v, 'f', -1, 64)`, how number literals print: the shortest
    /// digits that read back as `v`, never in exponent form (`1e-7` is `0.0000001`),
    /// and `+Inf`, `-Inf`, `NaN`.
    static func fixed(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }
        let (digits, point) = shortestDigits(value.magnitude)
        var out = sign
        if point <= 0 {
            out += "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            out += digits + String(repeating: "0", count: point - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: point)
            out += digits[..<split] + "." + digits[split...]
        }
        return out
    }

    /// Go's `%f` (six decimals) for the values the `@` bounds error prints: infinities,
    /// NaN and integers too large for Int64, whose exact decimal expansion Go prints.
    static func sixDecimals(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let sign = value.sign == .minus ? "-" : ""
        let magnitude = value.magnitude
        guard magnitude >= 1e15 else {
            // Small enough for exact thousandths of a microsecond not to matter here.
            let scaled = (magnitude * 1e6).rounded()
            let whole = Int64(scaled / 1e6)
            let fraction = String(Int64(scaled) - whole * 1_000_000)
            return sign + String(whole) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
        }
        return sign + exactInteger(magnitude) + ".000000"
    }

    /// The decimal digits of an integral double, exactly (mantissa × 2^exponent).
    private static func exactInteger(_ value: Double) -> String {
        var mantissa = value.significandBitPattern | (1 << 52)
        var exponent = Int(value.exponent) - 52
        while exponent < 0 {
            mantissa >>= 1
            exponent += 1
        }
        // Little-endian limbs in base 1e9.
        var limbs: [UInt32] = [UInt32(mantissa % 1_000_000_000), UInt32(mantissa / 1_000_000_000 % 1_000_000_000),
                 UInt32(mantissa / 1_000_000_000_000_000_000)]
        for _ in 0..<exponent {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let doubled = UInt64(limbs[index]) * 2 + carry
                limbs[index] = UInt32(doubled % 1_000_000_000)
                carry = doubled / 1_000_000_000
            }
            if carry > 0 { limbs.append(UInt32(carry)) }
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var out = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let text = String(limb)
            out += String(repeating: "0", count: 9 - text.count) + text
        }
        return out
    }

    /// The shortest round-trip digits of a positive finite value, without leading or
    /// trailing zeros, and where the decimal point goes: value = 0.d1d2... × 10^point.
    /// Swift's `description` already has the shortest digits; only the layout differs.
    static func shortestDigits(_ value: Double) -> (digits: String, point: Int) {
        var digits = ""
        var point = 0
        var sawPoint = false
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for character in value.description {
            switch character {
            case "0"..."9" where inExponent:
                exponent = exponent * 10 + Int(character.asciiValue! - 48)
            case "0" where digits.isEmpty:
                if sawPoint { point -= 1 }
            case "0"..."9":
                digits.append(character)
                if !sawPoint { point += 1 }
            case ".":
                sawPoint = true
            case "e", "E":
                inExponent = true
            case "-" where inExponent:
                exponentNegative = true
            default:
                break
            }
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return (digits, point + (exponentNegative ? -exponent : exponent))
    }
}
