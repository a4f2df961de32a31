/// The `@` modifier of a selector or subquery: evaluate at a fixed time instead of the
/// evaluation step.
public enum AtModifier: Sendable, Hashable, CustomStringConvertible {
    /// `@ 1609746000`: Unix milliseconds (the literal's seconds × 1000, rounded).
    case timestamp(Int64)
    /// `@ start()`: the start of the query range.
    case start
    /// `@ end()`: the end of the query range.
    case end

    /// ` @ 1609746000.000`, ` @ start()`, with the leading space Prometheus prints.
    public var description: String {
        switch self {
        case .timestamp(let ms): " @ " + AtModifier.seconds(ms)
        case .start: " @ start()"
        case .end: " @ end()"
        }
    }

    /// Milliseconds as seconds with three decimals (Prometheus' `%.3f`), computed from the
    /// integer so that printing and re-parsing give back the same value.
    static func seconds(_ ms: Int64) -> String {
        let magnitude = ms.magnitude
        let fraction = String(magnitude % 1000)
        let padded = String(repeating: "0", count: 3 - fraction.count) + fraction
        return (ms < 0 ? "-" : "") + String(magnitude / 1000) + "." + padded
    }
}
