#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Number syntax of the exposition formats: Go's `strconv.ParseFloat` for values,
/// `ParseInt` for text-format timestamps, and exact decimal seconds for OpenMetrics.
enum ExpositionNumbers {
    /// Go's `math.NaN()` bit pattern, so a parsed NaN is stored exactly as Prometheus would.
    static let goNaN = Double(bitPattern: 0x7ff8_0000_0000_0001)

    /// Powers of ten that are exact doubles (10^0 ... 10^22): the Clinger fast path.
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a value as Go's `ParseFloat(s, 64)` would, minus hex floats and `_`
    /// (which Prometheus rejects too). Returns nil for bad syntax and for overflow.
    static func parseFloat(_ p: UnsafePointer<UInt8>, count n: Int) -> Double? {
        guard n > 0 else { return nil }
        var i = 0
        let negative = p[0] == 0x2d
        if negative || p[0] == 0x2b { i = 1 }
        let digitsStart = i
        guard let decimal = scanDecimal(p, from: &i, count: n) else {
            return i == digitsStart ? special(p, count: n, signLength: digitsStart) : nil
        }
        guard i == n else { return nil }
        if decimal.mantissa == 0 { return negative ? -0.0 : 0.0 }
        // Exact when the mantissa and the power of ten are both exact doubles: one rounding.
        if decimal.exact && decimal.mantissa <= 1 << 53 && decimal.exponent >= -22 && decimal.exponent <= 22 {
            var value = Double(decimal.mantissa)
            if decimal.exponent < 0 {
                value /= exactPowers[-decimal.exponent]
            } else {
                value *= exactPowers[decimal.exponent]
            }
            return negative ? -value : value
        }
        // The syntax is already checked, so strtod (correctly rounded in glibc) sees only
        // what Go would accept.
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double in
            for k in 0..<n { buffer[k] = CChar(bitPattern: p[k]) }
            buffer[n] = 0
            return strtod(buffer.baseAddress!, nil)
        }
        return value.isInfinite ? nil : value
    }

    /// Go's special spellings: `[+-]inf`, `[+-]infinity` and `nan`, any case.
    private static func special(_ p: UnsafePointer<UInt8>, count n: Int, signLength: Int) -> Double? {
        let word = UnsafeBufferPointer(start: p + signLength, count: n - signLength)
        if equalsIgnoringCase(word, "inf") || equalsIgnoringCase(word, "infinity") {
            return p[0] == 0x2d ? -.infinity : .infinity
        }
        if signLength == 0 && equalsIgnoringCase(word, "nan") { return goNaN }
        return nil
    }

    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for k in 0..<bytes.count where bytes[k] | 0x20 != expected[k] { return false }
        return true
    }

    /// Parses a text-format timestamp: a decimal Int64 of milliseconds (Go's ParseInt).
    static func parseInt64(_ p: UnsafePointer<UInt8>, count n: Int) -> Int64? {
        guard n > 0 else { return nil }
        var i = 0
        let negative = p[0] == 0x2d
        if negative || p[0] == 0x2b { i = 1 }
        guard i < n else { return nil }
        var magnitude: UInt64 = 0
        while i < n {
            let d = p[i] &- 0x30
            guard d < 10 else { return nil }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(UInt64(d))
            guard !o1 && !o2 else { return nil }
            magnitude = next
            i += 1
        }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// Parses OpenMetrics seconds (`1700000000.123`, `-1.5`, `1.7e9`) into milliseconds
    /// from the decimal digits, truncating toward zero like Prometheus' `int64(ts*1000)`
    /// but without binary rounding. Nil for bad syntax, non-finite or out-of-range values.
    static func parseSecondsAsMillis(_ p: UnsafePointer<UInt8>, count n: Int) -> Int64? {
        guard n > 0 else { return nil }
        var i = 0
        let negative = p[0] == 0x2d
        if negative || p[0] == 0x2b { i = 1 }
        guard let decimal = scanDecimal(p, from: &i, count: n), i == n else { return nil }
        if decimal.mantissa == 0 { return 0 }
        let scale = decimal.exponent + 3
        var millis: UInt64
        if scale >= 0 {
            guard scale <= 19 else { return nil }
            let (product, overflow) = decimal.mantissa.multipliedReportingOverflow(by: power10(scale))
            guard !overflow else { return nil }
            millis = product
        } else {
            millis = -scale > 19 ? 0 : decimal.mantissa / power10(-scale)
        }
        if negative {
            return millis <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- millis) : nil
        }
        return millis <= UInt64(Int64.max) ? Int64(millis) : nil
    }

    private static func power10(_ e: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<e { result &*= 10 }
        return result
    }
}
