/// The shortest round-trip decimal digits of a finite, non-zero double and the position
/// of its decimal point (value = 0.d1d2... × 10^point, Go's `decimalSlice`), read from
/// Swift's `description`, which prints the same shortest digits as Go's `strconv`. The
/// Go-compatible formatters ('g', 'f', Prometheus' JSON) lay these digits out.
public struct ShortestDecimal: Sendable {
    /// ASCII digits without leading or trailing zeros.
    public private(set) var digits: [UInt8] = []
    public private(set) var point = 0

    public init(_ value: Double) {
        digits.reserveCapacity(17)
        var sawPoint = false, inExponent = false, exponentNegative = false
        var exponent = 0
        for c in value.magnitude.description.utf8 {
            switch c {
            case 0x30...0x39 where inExponent: exponent = exponent * 10 + Int(c - 0x30)
            case 0x30 where digits.isEmpty: if sawPoint { point -= 1 }
            case 0x30...0x39:
                digits.append(c)
                if !sawPoint { point += 1 }
            case 0x2e: sawPoint = true
            case 0x65, 0x45: inExponent = true
            case 0x2d where inExponent: exponentNegative = true
            default: break
            }
        }
        point += exponentNegative ? -exponent : exponent
        while digits.count > 1 && digits.last == 0x30 { digits.removeLast() }
    }

    /// Lays the digits out without a sign: `d.ddde±XX` when `scientific` (the exponent
    /// padded to two digits as Go prints it when `twoDigitExponent`), else plain decimal.
    public func append(to out: inout [UInt8], scientific: Bool, twoDigitExponent: Bool = true) {
        if scientific {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(0x2e)
                out.append(contentsOf: digits[1...])
            }
            let exponent = point - 1
            out.append(0x65)
            out.append(exponent < 0 ? 0x2d : 0x2b)
            if twoDigitExponent && exponent.magnitude < 10 { out.append(0x30) }
            out.append(contentsOf: String(exponent.magnitude).utf8)
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
}
