/// A float literal (`1`, `0x1f`, `1e-3`, `Inf`, `NaN`), with any leading signs folded in
/// as Prometheus does (`-1` is a literal, not a unary expression). A duration written where
/// an expression is expected (`1h`) is a literal of its seconds that prints back as a
/// duration.
public struct NumberLiteral: Sendable, Hashable {
    public var value: Double
    /// Written as a duration (`5m`), so it renders as one.
    public var isDuration: Bool
    public var positionRange: PositionRange

    public init(_ value: Double, isDuration: Bool = false, positionRange: PositionRange = .init(start: 0, end: 0)) {
        self.value = value
        self.isDuration = isDuration
        self.positionRange = positionRange
    }

    /// Equality is on meaning, not position, and every NaN equals every NaN, so a
    /// re-parsed rendering equals the original.
    public static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
        guard lhs.isDuration == rhs.isDuration else { return false }
        if lhs.value.isNaN || rhs.value.isNaN { return lhs.value.isNaN && rhs.value.isNaN }
        // -0 prints as "-0", so it is a different literal from 0.
        return lhs.value == rhs.value && lhs.value.sign == rhs.value.sign
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isDuration)
        hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern)
    }
}
