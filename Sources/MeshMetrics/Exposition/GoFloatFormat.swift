/// Formats doubles exactly as Go's `strconv.FormatFloat(v, 'g', -1, 64)`, which is what
/// Prometheus writes: shortest round-trip digits, exponent form when the decimal
/// exponent is < -4 or >= 6 (`1e-05`, `100000`, `1e+06`, `1.5e+21`), and `+Inf`,
/// `-Inf`, `NaN`. Swift's `description` has the same shortest digits but another
/// layout (`100000.0`), so its digits are re-laid out here.
public enum GoFloatFormat {
    public static func string(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func append(_ value: Double, to out: inout [UInt8]) {
        if value.isNaN { out.append(contentsOf: "NaN".utf8); return }
        if value.isInfinite { out.append(contentsOf: (value < 0 ? "-Inf" : "+Inf").utf8); return }
        if value == 0 {
            if value.sign == .minus { out.append(0x2d) }
            out.append(0x30)
            return
        }
        // Integers below 10^6 print as plain digits in Go too; skip the digit search.
        if value.magnitude < 1e6 && value.rounded(.towardZero) == value {
            appendInteger(Int64(value), to: &out)
            return
        }
        let decimal = ShortestDecimal(value)
        if value < 0 { out.append(0x2d) }
        let exponent = decimal.point - 1
        decimal.append(to: &out, scientific: exponent < -4 || exponent >= 6)
    }

    /// Decimal digits of `value`, for timestamps and small integral values.
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { out.append(0x2d) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var k = 20
            repeat {
                k -= 1
                buffer[k] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude != 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[k...]))
        }
    }
}
