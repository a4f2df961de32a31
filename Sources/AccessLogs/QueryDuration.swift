/// Durations in search parameters (`min_duration`): a bare number is milliseconds (`250`,
/// `1.5`), otherwise a number with a unit: `us` (or `µs`), `ms`, `s`, `m`, `h`
/// (`250ms`, `1.5s`, `2m`). Results are microseconds, the unit records store.
public enum QueryDuration {
    public static func micros(parsing text: String, parameter: String = "min_duration") throws(QueryParameterError) -> Int64 {
        let t = text.trimmingSpaces.lowercased()
        let error = QueryParameterError(parameter: parameter, value: text,
                                        reason: "expected milliseconds or a duration such as 250ms, 1.5s or 2m")
        var numberEnd = t.startIndex
        while numberEnd < t.endIndex, let a = t[numberEnd].asciiValue, (a >= 0x30 && a <= 0x39) || a == UInt8(ascii: ".") {
            numberEnd = t.index(after: numberEnd)
        }
        let digits = t[..<numberEnd]
        guard !digits.isEmpty, digits.first != ".", digits.last != ".",
              digits.filter({ $0 == "." }).count <= 1, let value = Double(digits) else { throw error }
        let scale: Double
        switch t[numberEnd...] {
        case "", "ms": scale = 1000
        case "us", "µs": scale = 1
        case "s": scale = 1_000_000
        case "m": scale = 60_000_000
        case "h": scale = 3_600_000_000
        default: throw error
        }
        let micros = (value * scale).rounded()
        guard micros < 9e18 else { throw error }
        return Int64(micros)
    }
}
