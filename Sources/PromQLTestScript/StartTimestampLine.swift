/// `metric{...}@st <offsets>` and standalone `@st <offsets>` lines of a `load` block
/// (start timestamps, used only by `start_timestamps.test`). Read so every script
/// parses; the offsets are kept but not loaded, since that file is out of scope.
///
///     _  _xN         no offset (N times)
///     *  *xN         the previous offset again (N+1 times)
///     d  dxN         offset d (N+1 times); d is a duration with optional sign
///     d+ExN  d-ExN   d, d±E, ... (N+1 offsets)
enum StartTimestampLine {
    /// nil when `line` is not an `@st` line; otherwise the metric (nil for the
    /// standalone default form) and one offset per position, in milliseconds.
    static func parse(_ line: String) throws(ScriptError) -> (metric: SeriesDescription?, offsets: [Int64?])? {
        let (head, rest) = ScriptReader.splitWord(Substring(line))
        guard !rest.isEmpty, head.hasSuffix("@st") else { return nil }
        var offsets: [Int64?] = []
        for item in ScriptReader.words(rest) {
            let previous = offsets.compactMap { $0 }.last ?? 0
            do throws(ScriptError) {
                offsets.append(contentsOf: try expand(item, previous: previous))
            } catch {
                throw ScriptError("invalid @st sequence: invalid ST item \"\(item)\": \(error.message)")
            }
        }
        let metricText = head.dropLast(3)
        if metricText.isEmpty { return (nil, offsets) }
        let metric = try SeriesDescription.parse(metricText + " _")
        return (metric.labels.isEmpty ? nil : metric, offsets)
    }

    private static func expand(_ item: Substring, previous: Int64) throws(ScriptError) -> [Int64?] {
        if item == "_" { return [nil] }
        if item.hasPrefix("_x") {
            guard let count = Int(item.dropFirst(2)), count > 0 else { throw ScriptError("invalid repeat count") }
            return Array(repeating: nil, count: count)
        }
        if item == "*" { return [previous] }
        if item.hasPrefix("*x") {
            guard let count = Int(item.dropFirst(2)), count >= 0 else { throw ScriptError("invalid repeat count") }
            return Array(repeating: previous, count: count + 1)
        }
        let (base, afterBase) = try durationPrefix(item)
        if afterBase.isEmpty { return [base] }
        if afterBase.first == "x" {
            return Array(repeating: base, count: try repeatCount(afterBase.dropFirst()) + 1)
        }
        guard afterBase.first == "+" || afterBase.first == "-" else {
            throw ScriptError("unexpected character \"\(afterBase.first!)\" after duration")
        }
        var (delta, afterDelta) = try durationPrefix(afterBase.dropFirst())
        if afterBase.first == "-" { delta = -delta }
        guard afterDelta.first == "x" else { throw ScriptError("expected 'x<count>' after step duration") }
        let count = try repeatCount(afterDelta.dropFirst())
        var offsets: [Int64?] = []
        var offset = base
        for _ in 0...count {
            offsets.append(offset)
            offset += delta
        }
        return offsets
    }

    /// A duration with an optional sign at the start of `text`: digits, then letters up
    /// to (not including) the repetition `x`.
    private static func durationPrefix(_ text: Substring) throws(ScriptError) -> (Int64, Substring) {
        var rest = text
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        let digits = rest.prefix(while: GoNumber.isDigit)
        guard !digits.isEmpty else { throw ScriptError("expected digits in duration \"\(text)\"") }
        let unit = rest.dropFirst(digits.count).prefix { $0.isASCII && $0.isLetter && $0 != "x" }
        let millis = try PromDuration.milliseconds(digits + unit)
        return (negative ? -millis : millis, rest.dropFirst(digits.count + unit.count))
    }

    private static func repeatCount(_ text: Substring) throws(ScriptError) -> Int {
        guard !text.isEmpty, text.allSatisfy(GoNumber.isDigit), let count = Int(text) else {
            throw ScriptError("invalid repeat count")
        }
        return count
    }
}
