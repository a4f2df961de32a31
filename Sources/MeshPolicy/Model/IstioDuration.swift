/// Istio's duration syntax: one or more decimal numbers each with a unit (`h`, `m`, `s`,
/// `ms`, `us`/`µs`, `ns`), as Go's `time.ParseDuration` reads them and as protobuf's
/// JSON form (`1.5s`) writes them. A sign is rejected: no Istio duration may be negative.
public enum IstioDuration {
    public struct Problem: Error, Sendable, Hashable {
        public let message: String
    }

    public static func parse(_ text: String) -> Result<Duration, Problem> {
        let input = text.trimmingSpaces
        if input.isEmpty { return .failure(Problem(message: "empty duration")) }
        if input.hasPrefix("-") {
            return .failure(Problem(message: "duration must not be negative, got '\(text)'"))
        }
        var scalars = Substring(input.hasPrefix("+") ? String(input.dropFirst()) : input).unicodeScalars[...]
        var totalNanoseconds: Double = 0
        while !scalars.isEmpty {
            let number = scalars.prefix { ("0"..."9").contains($0) || $0 == "." }
            scalars = scalars.dropFirst(number.count)
            let unit = scalars.prefix { !("0"..."9").contains($0) && $0 != "." }
            scalars = scalars.dropFirst(unit.count)
            guard !number.isEmpty, let value = Double(String(number)), !String(number).hasSuffix(".") else {
                return .failure(Problem(message: "malformed duration '\(text)' (expected e.g. 1s, 500ms, 1.5s, 2h)"))
            }
            guard let scale = unitNanoseconds[String(unit)] else {
                let detail = unit.isEmpty ? "a unit is missing" : "unknown unit '\(String(unit))'"
                return .failure(Problem(message: "malformed duration '\(text)': \(detail) (use h, m, s, ms, us or ns)"))
            }
            totalNanoseconds += value * scale
        }
        // Beyond ten thousand years is a typo, and would overflow Duration's arithmetic.
        guard totalNanoseconds < 3.2e20 else {
            return .failure(Problem(message: "duration '\(text)' is too long"))
        }
        let seconds = (totalNanoseconds / 1e9).rounded(.down)
        let attoseconds = (totalNanoseconds - seconds * 1e9).rounded() * 1e9
        return .success(Duration(secondsComponent: Int64(seconds), attosecondsComponent: Int64(attoseconds)))
    }

    private static let unitNanoseconds: [String: Double] = [
        "ns": 1, "us": 1e3, "µs": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9,
    ]

    /// The shortest Istio spelling: `1.5s`, `250ms`, `2m`, `0s`.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return "0s" }
        if milliseconds % 3_600_000 == 0 { return "\(milliseconds / 3_600_000)h" }
        if milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        return "\(Double(milliseconds) / 1000)s"
    }
}
