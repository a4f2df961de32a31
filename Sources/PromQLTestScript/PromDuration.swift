/// Durations and times as test scripts write them. The scripts go through Prometheus'
/// `model.ParseDuration`: unit runs `y w d h m s ms`, biggest first, each at most once
/// (`1h30m`, `20s500ms`, `1d`); a bare `0` is the only unitless value. Times (`at 50m`,
/// `from 0 to 10m`) are durations after the Unix epoch, so they are milliseconds too.
public enum PromDuration {
    private static let second: Int64 = 1000
    private static let minute = 60 * second
    private static let hour = 60 * minute
    private static let day = 24 * hour
    private static let week = 7 * day
    private static let year = 365 * day

    /// Units in the only order they may appear; the index enforces "biggest first".
    private static let units: [(name: String, millis: Int64)] = [
        ("y", year), ("w", week), ("d", day), ("h", hour), ("m", minute), ("s", second), ("ms", 1),
    ]

    /// Milliseconds in `text`. With `allowBareSeconds`, a plain number (`90`, `1.5`)
    /// means seconds, as PromQL itself accepts inside `[...]` and after `offset`; the
    /// script format does not (only `0`), so it is off by default.
    public static func milliseconds(_ text: some StringProtocol, allowBareSeconds: Bool = false) throws(ScriptError) -> Int64 {
        let text = String(text)
        if text == "0" { return 0 }
        if text.isEmpty { throw ScriptError("empty duration string") }
        if allowBareSeconds, let seconds = bareSeconds(text) { return seconds }

        var total: Int64 = 0
        var lastUnit = -1
        var rest = Substring(text)
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = Int64(digits) else {
                throw ScriptError("not a valid duration string: \"\(text)\"")
            }
            rest = rest.dropFirst(digits.count)
            let unitName = rest.prefix { !($0.isASCII && $0.isNumber) }
            guard !unitName.isEmpty else { throw ScriptError("not a valid duration string: \"\(text)\"") }
            rest = rest.dropFirst(unitName.count)
            guard let unitIndex = units.firstIndex(where: { $0.name == unitName }) else {
                throw ScriptError("unknown unit \"\(unitName)\" in duration \"\(text)\"")
            }
            guard unitIndex > lastUnit else { throw ScriptError("not a valid duration string: \"\(text)\"") }
            lastUnit = unitIndex
            let (product, overflow) = value.multipliedReportingOverflow(by: units[unitIndex].millis)
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !overflow, !sumOverflow else { throw ScriptError("duration out of range: \"\(text)\"") }
            total = sum
        }
        return total
    }

    /// `d` as Prometheus prints it: `1m30s`, `500ms`, `0s`; years and weeks only when exact.
    public static func format(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        if milliseconds < 0 {
            return milliseconds == .min ? "-" + format(.max) : "-" + format(-milliseconds)
        }
        var rest = milliseconds
        var out = ""
        for (name, millis) in units {
            if (name == "y" || name == "w") && rest % millis != 0 { continue }
            let count = rest / millis
            if count > 0 {
                out += "\(count)\(name)"
                rest -= count * millis
            }
        }
        return out
    }

    /// A plain decimal number of seconds, rounded to whole milliseconds.
    private static func bareSeconds(_ text: String) -> Int64? {
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }),
              let seconds = Double(text), seconds.isFinite,
              seconds * 1000 < Double(Int64.max) else { return nil }
        return Int64((seconds * 1000).rounded())
    }
}
