import MeshMetrics
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Go numeric behaviour that PromQL results depend on and Swift spells differently:
/// `math.Min`/`math.Max` special cases, float→int64 conversion, `strconv.ParseFloat`,
/// `strconv.FormatFloat(v, 'f', -1, 64)`, `%q` quoting and `almost.Equal`.
public enum GoNumerics {
    /// Go's `math.NaN()` bit pattern (Swift's `.nan` has another payload).
    public static let nan = Double(bitPattern: 0x7ff8_0000_0000_0001)

    /// Go's `math.Max`: +Inf wins over NaN, then NaN propagates, and +0 beats -0.
    public static func max(_ x: Double, _ y: Double) -> Double {
        if x == .infinity || y == .infinity { return .infinity }
        if x.isNaN || y.isNaN { return nan }
        if x == 0 && x == y { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// Go's `math.Min`: -Inf wins over NaN, then NaN propagates, and -0 beats +0.
    public static func min(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity || y == -.infinity { return -.infinity }
        if x.isNaN || y.isNaN { return nan }
        if x == 0 && x == y { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// Go's `int64(f)` on amd64 (CVTTSD2SQ): truncation toward zero, and the "integer
    /// indefinite" value `math.MinInt64` for NaN and out-of-range inputs, where Swift traps.
    public static func int64(_ value: Double) -> Int64 {
        guard value.isFinite, value >= -9.223372036854775808e18, value < 9.223372036854775808e18 else {
            return .min
        }
        return Int64(value.rounded(.towardZero))
    }

    /// Go's `time.Duration.Seconds()` for a duration in milliseconds: whole seconds plus the
    /// nanosecond remainder divided separately, which can differ from `ms / 1000` by an ulp.
    public static func seconds(milliseconds ms: Int64) -> Double {
        let nanos = ms.multipliedReportingOverflow(by: 1_000_000)
        guard !nanos.overflow else { return Double(ms) / 1000 }
        let sec = nanos.partialValue / 1_000_000_000
        let nsec = nanos.partialValue % 1_000_000_000
        return Double(sec) + Double(nsec) / 1e9
    }

    /// Go's `strconv.ParseFloat(s, 64)` for decimal and hexadecimal literals and the
    /// `inf`/`infinity`/`nan` spellings; nil where Go returns an error (bad syntax, or
    /// overflow to ±Inf). Underscore digit separators are not accepted.
    public static func parseFloat(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var i = 0
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") { i = 1 }
        let body = bytes[i...]
        let lower = String(decoding: body.map { $0 | 0x20 }, as: UTF8.self)
        if lower == "inf" || lower == "infinity" {
            return bytes[0] == UInt8(ascii: "-") ? -.infinity : .infinity
        }
        if lower == "nan" { return i == 0 ? nan : nil }
        guard validLiteral(Array(body)) else { return nil }
        let value = bytes.withUnsafeBufferPointer { buffer -> Double in
            var terminated = Array(buffer)
            terminated.append(0)
            return terminated.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { strtod($0, nil) }
            }
        }
        return value.isInfinite ? nil : value
    }

    /// Syntax check of an unsigned Go float literal: `d[.d][e±d]`, `.d`, or `0x h[.h] p±d`.
    private static func validLiteral(_ b: [UInt8]) -> Bool {
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }
        var i = 0
        let hex = b.count > 2 && b[0] == 0x30 && (b[1] | 0x20) == UInt8(ascii: "x")
        if hex { i = 2 }
        var mantissaDigits = 0
        while i < b.count, hex ? isHex(b[i]) : isDigit(b[i]) { i += 1; mantissaDigits += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, hex ? isHex(b[i]) : isDigit(b[i]) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        let exponentMark = hex ? UInt8(ascii: "p") : UInt8(ascii: "e")
        if i < b.count, (b[i] | 0x20) == exponentMark {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            var exponentDigits = 0
            while i < b.count, isDigit(b[i]) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        } else if hex {
            return false // Go: a hexadecimal mantissa requires a 'p' exponent.
        }
        return i == b.count
    }

    /// Go's `strconv.FormatFloat(v, 'f', -1, 64)`: shortest round-trip digits, never an
    /// exponent (`1e21` → `1000000000000000000000`), `NaN`, `+Inf`, `-Inf`, `-0`.
    public static func formatFixed(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        var out: [UInt8] = value < 0 ? [0x2d] : []
        ShortestDecimal(value).append(to: &out, scientific: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `fmt.Sprintf("%f", v)`: six decimals, correctly rounded (glibc's printf
    /// rounds the same way), with Go's `NaN`, `+Inf`, `-Inf` spellings.
    public static func formatPercentF(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        var buffer = [CChar](repeating: 0, count: 400)
        let written = withVaList([value]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%.6f", args) }
        }
        guard written > 0 else { return "" }
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Go's `strconv.Quote` (what `%q` prints): double quotes, backslash escapes for
    /// quotes, backslashes and control characters; printable Unicode kept as is.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value >= 0x80 && !scalar.properties.isPrintableForQuote {
                    out += scalar.value > 0xffff ? "\\U" + hex(scalar.value, width: 8) : "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// Prometheus' `almost.Equal`: relative tolerance, absolute near zero, NaN equals NaN.
    public static func almostEqual(_ a: Double, _ b: Double, epsilon: Double) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let minNormal = Double(bitPattern: 0x0010_0000_0000_0000)
        let absSum = a.magnitude + b.magnitude
        let diff = (a - b).magnitude
        if a == 0 || b == 0 || absSum < minNormal { return diff < epsilon * minNormal }
        return diff / Swift.min(absSum, .greatestFiniteMagnitude) < epsilon
    }
}

extension Unicode.Scalar.Properties {
    /// Approximates Go's `unicode.IsPrint` for non-ASCII scalars: letters, marks,
    /// numbers, punctuation, symbols and the plain space are printed as is.
    fileprivate var isPrintableForQuote: Bool {
        switch generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
