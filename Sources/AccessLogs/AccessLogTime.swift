/// Timestamps of access-log records, in microseconds since the Unix epoch.
///
/// Text: RFC 3339 / ISO 8601 `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM|±HH]`, with
/// `t`, `T` or a space between date and time; no zone means UTC. Fraction digits beyond
/// microseconds are truncated. Envoy's `%START_TIME%` is `2026-11-22T10:00:00.123Z`.
///
/// Numbers (or numeric strings): the unit follows the magnitude, since no epoch in our
/// range is ambiguous: below 10^11 seconds (fractions allowed; up to year 5138), below
/// 10^14 milliseconds, below 10^17 microseconds, else nanoseconds.
public enum AccessLogTime {
    /// Parses RFC 3339 text; nil when malformed or out of range.
    public static func micros(rfc3339 text: String) -> Int64? {
        var u = Array(text.utf8)
        while let last = u.last, last == 0x20 { u.removeLast() }
        return u.withUnsafeBufferPointer { micros(rfc3339Bytes: $0) }
    }

    /// Converts an epoch number by the magnitude rule; nil when negative or not finite.
    public static func micros(epoch value: Double) -> Int64? {
        guard value.isFinite, value >= 0 else { return nil }
        let micros: Double
        switch value {
        case ..<1e11: micros = value * 1e6
        case ..<1e14: micros = value * 1e3
        case ..<1e17: micros = value
        default: micros = value / 1e3
        }
        guard micros < 9.2e18 else { return nil }
        return Int64(micros.rounded(.down))
    }

    /// Exact integer form of `micros(epoch:)`, without going through a Double.
    public static func micros(epochInteger value: Int64) -> Int64? {
        guard value >= 0 else { return nil }
        switch value {
        case ..<100_000_000_000: return value * 1_000_000
        case ..<100_000_000_000_000: return value * 1000
        case ..<100_000_000_000_000_000: return value
        default: return value / 1000
        }
    }

    static func micros(rfc3339Bytes p: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= p.count else { return nil }
            var v = 0
            for k in i..<(i + width) {
                let c = p[k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += width
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < p.count, p[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
              let day = number(2) else { return nil }
        guard i < p.count, p[i] == UInt8(ascii: "T") || p[i] == UInt8(ascii: "t") || p[i] == 0x20 else { return nil }
        i += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2), expect(UInt8(ascii: ":")),
              let second = number(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var fraction: Int64 = 0
        if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
            var digits = 0
            while i < p.count, p[i] >= 0x30 && p[i] <= 0x39 {
                if digits < 6 { fraction = fraction * 10 + Int64(p[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { fraction *= 10 }
        }
        var offsetSeconds = 0
        if i < p.count {
            switch p[i] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                i += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = p[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let oh = number(2), oh <= 23 else { return nil }
                var om = 0
                if i < p.count {
                    _ = expect(UInt8(ascii: ":"))
                    guard let m = number(2), m <= 59 else { return nil }
                    om = m
                }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            default:
                return nil
            }
        }
        guard i == p.count else { return nil }
        let days = Int64(daysFromCivil(year, month, day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        guard seconds >= 0 else { return nil }
        return seconds * 1_000_000 + fraction
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
