/// The calendar functions of PromQL: each reads a value as Unix seconds (UTC, as Go's
/// `time.Unix(int64(v), 0).UTC()`: fraction truncated toward zero) and returns one
/// field of the proleptic Gregorian date. Without an argument Prometheus applies them
/// to the evaluation time, `time.Unix(ts/1000, 0)`.
public enum DateFunction: String, Sendable, Hashable, CaseIterable {
    case dayOfMonth = "day_of_month"
    case dayOfWeek = "day_of_week"
    case dayOfYear = "day_of_year"
    case daysInMonth = "days_in_month"
    case hour, minute, month, year

    /// The field for a value in Unix seconds. NaN, ±Inf and values beyond int64 become
    /// `Int64.min` seconds as Go's conversion on amd64 makes them (Go's calendar then
    /// wraps around, which is not reproduced).
    public func apply(_ value: Double) -> Double {
        apply(unixSeconds: GoNumerics.int64(value))
    }

    /// The field for the evaluation time in milliseconds (the argument-less form).
    public func apply(evaluationTime ms: Int64) -> Double {
        apply(unixSeconds: ms / 1000)
    }

    /// The field for whole Unix seconds.
    public func apply(unixSeconds seconds: Int64) -> Double {
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        switch self {
        case .dayOfMonth: return Double(date.day)
        case .dayOfWeek:
            // 1970-01-01 was a Thursday (4); Sunday is 0 as in Go's time.Weekday.
            return Double(floorDivide(days + 4, 7).remainder)
        case .dayOfYear: return Double(date.dayOfYear)
        case .daysInMonth: return Double(CivilDate.daysInMonth(year: date.year, month: date.month))
        case .hour: return Double(secondOfDay / 3600)
        case .minute: return Double(secondOfDay % 3600 / 60)
        case .month: return Double(date.month)
        case .year: return Double(date.year)
        }
    }
}

/// Floor division and its non-negative remainder.
private func floorDivide(_ a: Int64, _ b: Int64) -> (quotient: Int64, remainder: Int64) {
    let (q, r) = a.quotientAndRemainder(dividingBy: b)
    return r < 0 ? (q - 1, r + b) : (q, r)
}

/// A proleptic Gregorian date from days since 1970-01-01 (Howard Hinnant's
/// civil_from_days, valid over the whole Int64 range of seconds).
struct CivilDate: Hashable {
    var year: Int64
    var month: Int64
    var day: Int64

    init(daysSinceEpoch days: Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097).quotient
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYearFromMarch = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYearFromMarch + 2) / 153
        day = dayOfYearFromMarch - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 1-based ordinal day of the year.
    var dayOfYear: Int64 {
        var total = day
        var m: Int64 = 1
        while m < month {
            total += CivilDate.daysInMonth(year: year, month: m)
            m += 1
        }
        return total
    }
}
