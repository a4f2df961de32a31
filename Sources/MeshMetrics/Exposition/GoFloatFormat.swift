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
        let digits = decimal.digits, point = decimal.point
        if value < 0 { out.append(0x2d) }
        let exponent = point - 1
        if exponent < -4 || exponent >= 6 {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(0x2e)
                out.append(contentsOf: digits[1...])
            }
            out.append(0x65)
            out.append(exponent < 0 ? 0x2d : 0x2b)
            let magnitude = exponent.magnitude
            if magnitude < 10 { out.append(0x30) }
            appendInteger(Int64(magnitude), to: &out)
        } else if point <= 0 {
            out.append(contentsOf: [0x30, 0x2e])
            out.append(contentsOf: repeatElement(0x30, count: -point))
            out.append(contentsOf: digits)
        } else if point >= digits.count {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(0x30, count: point - digits.count))
        } else {
            out.append(contentsOf: digits[..<point])
            out.append(0x2e)
            out.append(contentsOf: digits[point...])
        }
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
