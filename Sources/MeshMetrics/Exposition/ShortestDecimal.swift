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
}
