/// A duration in Prometheus' syntax (`15s`, `1h30m`, `5000d`, `2y`), kept in
/// milliseconds — the resolution of Prometheus durations and sample timestamps.
///
/// `y` is always 365 days and `w` 7 days, as in Prometheus: calendar units would
/// make a retention depend on the date it is evaluated.
public struct PromDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Never negative: the syntax has no sign.
    public let milliseconds: Int64

    /// - Precondition: `milliseconds >= 0`.
    public init(milliseconds: Int64) {
        precondition(milliseconds >= 0, "PromDuration cannot be negative")
        self.milliseconds = milliseconds
    }

    public static let zero = PromDuration(milliseconds: 0)

    public static func milliseconds(_ value: Int64) -> PromDuration { PromDuration(milliseconds: value) }
    public static func seconds(_ value: Int64) -> PromDuration { PromDuration(milliseconds: value * Unit.second.milliseconds) }
    public static func minutes(_ value: Int64) -> PromDuration { PromDuration(milliseconds: value * Unit.minute.milliseconds) }
    public static func hours(_ value: Int64) -> PromDuration { PromDuration(milliseconds: value * Unit.hour.milliseconds) }
    public static func days(_ value: Int64) -> PromDuration { PromDuration(milliseconds: value * Unit.day.milliseconds) }

    /// The same span as a `Swift.Duration`, for clocks and sleeps.
    public var duration: Duration { .milliseconds(milliseconds) }

    /// Seconds as a floating-point number, for APIs (and JSON) that want them.
    public var timeInterval: Double { Double(milliseconds) / 1000 }

    public static func < (lhs: PromDuration, rhs: PromDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    /// Prometheus' canonical form: largest units first, `y` and `w` only when they
    /// divide the whole duration evenly (`90d` reads better than `12w6d`), `0s` for zero.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds
        var out = ""
        for unit in Unit.allCases {
            if unit.onlyWhenExact && rest % unit.milliseconds != 0 { continue }
            let count = rest / unit.milliseconds
            if count > 0 {
                out += "\(count)\(unit.symbol)"
                rest -= count * unit.milliseconds
            }
        }
        return out
    }
}

extension PromDuration {
    /// The units of the syntax, in the only order they may appear.
    enum Unit: CaseIterable {
        case year, week, day, hour, minute, second, millisecond

        var symbol: String {
            switch self {
            case .year: "y"
            case .week: "w"
            case .day: "d"
            case .hour: "h"
            case .minute: "m"
            case .second: "s"
            case .millisecond: "ms"
            }
        }

        var milliseconds: Int64 {
            switch self {
            case .year: 365 * 24 * 3_600_000
            case .week: 7 * 24 * 3_600_000
            case .day: 24 * 3_600_000
            case .hour: 3_600_000
            case .minute: 60_000
            case .second: 1000
            case .millisecond: 1
            }
        }

        /// Years and weeks are printed only when exact, as Prometheus does.
        var onlyWhenExact: Bool { self == .year || self == .week }

        init?(symbol: Substring.UTF8View) {
            guard let unit = Unit.allCases.first(where: { $0.symbol.utf8.elementsEqual(symbol) }) else {
                return nil
            }
            self = unit
        }
    }
}
