extension ExpositionNumbers {
    /// Up to 19 significant digits and a power-of-ten exponent. `exact` is false when
    /// further nonzero-or-not digits were dropped (the value then needs a slow path).
    struct Decimal {
        var mantissa: UInt64 = 0
        var exponent = 0
        var exact = true
    }

    /// Scans `digits[.digits][(e|E)[+-]digits]` from `i`. Returns nil when there is no
    /// digit at all or the exponent has no digits; `i` is left after what was read.
    static func scanDecimal(_ p: UnsafePointer<UInt8>, from i: inout Int, count n: Int) -> Decimal? {
        var decimal = Decimal()
        var significant = 0
        var sawDigit = false
        while i < n {
            let d = p[i] &- 0x30
            guard d < 10 else { break }
            sawDigit = true
            if decimal.mantissa != 0 || d != 0 { significant += 1 }
            if significant <= 19 {
                decimal.mantissa = decimal.mantissa &* 10 &+ UInt64(d)
            } else {
                decimal.exponent += 1
                decimal.exact = false
            }
            i += 1
        }
        if i < n && p[i] == 0x2e {
            i += 1
            while i < n {
                let d = p[i] &- 0x30
                guard d < 10 else { break }
                sawDigit = true
                if decimal.mantissa != 0 || d != 0 { significant += 1 }
                if significant <= 19 {
                    decimal.mantissa = decimal.mantissa &* 10 &+ UInt64(d)
                    decimal.exponent -= 1
                } else {
                    decimal.exact = false
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n && p[i] | 0x20 == 0x65 {
            i += 1
            var exponentNegative = false
            if i < n && (p[i] == 0x2d || p[i] == 0x2b) {
                exponentNegative = p[i] == 0x2d
                i += 1
            }
            var exponent = 0
            var sawExponentDigit = false
            while i < n {
                let d = p[i] &- 0x30
                guard d < 10 else { break }
                sawExponentDigit = true
                // Capped: anything this large is already out of any double's range.
                if exponent < 100_000 { exponent = exponent * 10 + Int(d) }
                i += 1
            }
            guard sawExponentDigit else { return nil }
            decimal.exponent += exponentNegative ? -exponent : exponent
        }
        return decimal
    }
}
