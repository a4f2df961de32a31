extension PromDuration {
    /// Parses Prometheus' duration syntax: one or more `<digits><unit>` terms with
    /// units `y w d h m s ms` in strictly decreasing order, each at most once, or a
    /// bare `0`. Anything else — signs, spaces, fractions, `1h1h`, `30m1h` — is
    /// rejected, and so is a value that does not fit in `Int64` milliseconds.
    public init(parsing text: String) throws(DurationError) {
        if text.isEmpty { throw .empty }
        if text == "0" {
            self.init(milliseconds: 0)
            return
        }
        let utf8 = Substring(text).utf8
        var index = utf8.startIndex
        var total: Int64 = 0
        // Units must come in the order of `Unit.allCases`; this is the next allowed one.
        var nextAllowed = 0

        while index < utf8.endIndex {
            var count: Int64 = 0
            let digitsStart = index
            while index < utf8.endIndex, let digit = Self.digitValue(utf8[index]) {
                let (times10, overflowA) = count.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times10.addingReportingOverflow(digit)
                if overflowA || overflowB { throw .outOfRange(text) }
                count = sum
                index = utf8.index(after: index)
            }
            guard index > digitsStart else { throw .invalid(text) }

            let unitStart = index
            while index < utf8.endIndex, Self.isLetter(utf8[index]) {
                index = utf8.index(after: index)
            }
            guard let unit = Unit(symbol: utf8[unitStart..<index]),
                  let position = Unit.allCases.firstIndex(of: unit),
                  position >= nextAllowed
            else { throw .invalid(text) }
            nextAllowed = position + 1

            let (term, overflowC) = count.multipliedReportingOverflow(by: unit.milliseconds)
            let (sum, overflowD) = total.addingReportingOverflow(term)
            if overflowC || overflowD { throw .outOfRange(text) }
            total = sum
        }
        self.init(milliseconds: total)
    }

    private static func digitValue(_ byte: UInt8) -> Int64? {
        (0x30...0x39).contains(byte) ? Int64(byte - 0x30) : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x61...0x7a).contains(byte) || (0x41...0x5a).contains(byte)
    }
}
