/// Duration tokens (`1h30m`, `5m`, `1y`, `500ms`) as Prometheus' `model.ParseDuration`:
/// integer counts, units from largest to smallest, each at most once.
enum DurationParsing {
    private static let nanosecondsPerUnit: [String: (order: Int, nanoseconds: UInt64)] = [
        "ms": (7, 1_000_000),
        "s": (6, 1_000_000_000),
        "m": (5, 60_000_000_000),
        "h": (4, 3_600_000_000_000),
        "d": (3, 86_400_000_000_000),
        "w": (2, 604_800_000_000_000),
        "y": (1, 31_536_000_000_000_000),
    ]

    /// The duration in nanoseconds.
    static func nanoseconds(_ text: String) throws(ParseMessage) -> Int64 {
        if text == "0" { return 0 }
        if text.isEmpty { throw ParseMessage("empty duration string") }
        let invalid = ParseMessage("not a valid duration string: \(GoQuote.quote(text))")
        let bytes = Array(text.utf8)
        var index = 0
        var total: UInt64 = 0
        var lastOrder = 0
        let limit = UInt64(Int64.max)
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        while index < bytes.count {
            guard isDigit(bytes[index]) else { throw invalid }
            var count: UInt64 = 0
            while index < bytes.count, isDigit(bytes[index]) {
                let (product, overflow1) = count.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = product.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { throw invalid }
                count = sum
                index += 1
            }
            let unitStart = index
            while index < bytes.count, !isDigit(bytes[index]) { index += 1 }
            guard index > unitStart else { throw invalid }
            let unit = String(decoding: bytes[unitStart..<index], as: UTF8.self)
            guard let (order, size) = nanosecondsPerUnit[unit] else {
                throw ParseMessage("unknown unit \(GoQuote.quote(unit)) in duration \(GoQuote.quote(text))")
            }
            guard order > lastOrder else { throw invalid }
            lastOrder = order
            guard count <= (UInt64(1) << 63) / size else { throw ParseMessage("duration out of range") }
            total = total &+ count &* size
            guard total <= limit else { throw ParseMessage("duration out of range") }
        }
        return Int64(total)
    }

    /// Seconds as Go's `Duration.Seconds()`: whole seconds plus the fraction.
    static func seconds(nanoseconds: Int64) -> Double {
        Double(nanoseconds / 1_000_000_000) + Double(nanoseconds % 1_000_000_000) / 1e9
    }
}
