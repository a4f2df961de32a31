/// Prometheus' duration notation (`model.Duration.String()`): `1h30m`, `90d`, `1s500ms`,
/// `0s`. Years and weeks appear only when they divide the duration exactly, as it is
/// easier to read `90d` than `12w6d`.
enum DurationFormat {
    private static let units: [(unit: String, milliseconds: Int64, exact: Bool)] = [
        ("y", 365 * 24 * 3_600_000, true),
        ("w", 7 * 24 * 3_600_000, true),
        ("d", 24 * 3_600_000, false),
        ("h", 3_600_000, false),
        ("m", 60_000, false),
        ("s", 1000, false),
        ("ms", 1, false),
    ]

    /// The notation of a non-negative number of milliseconds ("" for a negative one, as
    /// in Go; callers print the sign themselves).
    static func string(milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        var remaining = milliseconds
        var out = ""
        for (unit, size, exact) in units {
            if exact && remaining % size != 0 { continue }
            let count = remaining / size
            if count > 0 {
                out += String(count) + unit
                remaining -= count * size
            }
        }
        return out
    }
}
