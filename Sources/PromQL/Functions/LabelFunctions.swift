import MeshMetrics

/// label_replace(v, dst, replacement, src, regex), compiled once per call: the regex is
/// fully anchored with `.` matching newlines (`^(?s:regex)$`), and the replacement is
/// expanded as Go's `Regexp.Expand` does. Not Sendable (Swift's `Regex` is not): build
/// it where the call is evaluated.
public struct LabelReplacer {
    public let destination: String
    public let replacement: String
    public let source: String
    private let regex: Regex<AnyRegexOutput>

    /// Validates as Prometheus does: first the regex, then the destination name.
    public init(destination: String, replacement: String, source: String, regex pattern: String) throws(FunctionError) {
        do {
            // wholeMatch anchors at both ends, like Go's `^(?s:...)$`; the group is
            // non-capturing so `$1` still names the user's first group.
            try RegexNestingError.check(pattern)
            regex = try Regex("(?s:" + pattern + ")").matchingSemantics(.unicodeScalar)
        } catch {
            throw FunctionError("invalid regular expression in label_replace(): " + pattern)
        }
        guard LabelFunctions.isValidLabelName(destination) else {
            throw FunctionError("invalid destination label name in label_replace(): " + destination)
        }
        self.destination = destination
        self.replacement = replacement
        self.source = source
    }

    /// The relabelled set, or nil when the source value (empty if absent) does not
    /// match. An empty expansion removes the destination label.
    public func apply(to labels: Labels) -> Labels? {
        let value = labels[source] ?? ""
        guard let match = try? regex.wholeMatch(in: value) else { return nil }
        let output = match.output
        let expanded = LabelFunctions.expand(
            template: replacement,
            group: { index in index < output.count ? output[index].substring.map(String.init) : nil },
            named: { name in
                for element in output where element.name == name {
                    if let text = element.substring { return String(text) }
                }
                return nil
            })
        return labels.setting(destination, expanded)
    }

    /// Applies to one element; replacing `__name__` cancels a pending name drop.
    public func apply(to element: VectorElement) -> VectorElement {
        guard let labels = apply(to: element.labels) else { return element }
        var out = element
        out.labels = labels
        out.dropName = destination == Labels.metricName ? false : element.dropName
        return out
    }

    /// Applies to one series of a range result.
    public func apply(to series: MatrixSeries) -> MatrixSeries {
        guard let labels = apply(to: series.labels) else { return series }
        var out = series
        out.labels = labels
        out.dropName = destination == Labels.metricName ? false : series.dropName
        return out
    }
}

/// label_join, label-name validation and Go's replacement-template expansion. The
/// evaluator still has to reject results with duplicate label sets.
public enum LabelFunctions {
    /// label_replace over a vector (see ``LabelReplacer``).
    public static func labelReplace(
        _ elements: [VectorElement], destination: String, replacement: String, source: String, regex: String
    ) throws(FunctionError) -> [VectorElement] {
        let replacer = try LabelReplacer(destination: destination, replacement: replacement, source: source, regex: regex)
        return elements.map { replacer.apply(to: $0) }
    }

    /// Checks label_join's arguments as Prometheus does: every source name, then the destination.
    public static func validateLabelJoin(destination: String, sources: [String]) throws(FunctionError) {
        for source in sources where !isValidLabelName(source) {
            throw FunctionError("invalid source label name in label_join(): " + source)
        }
        guard isValidLabelName(destination) else {
            throw FunctionError("invalid destination label name in label_join(): " + destination)
        }
    }

    /// label_join on one label set: the source values (empty when absent) joined with
    /// `separator` into `destination`, which an empty result removes.
    public static func labelJoin(_ labels: Labels, destination: String, separator: String, sources: [String]) -> Labels {
        labels.setting(destination, sources.map { labels[$0] ?? "" }.joined(separator: separator))
    }

    /// label_join over a vector; setting `__name__` cancels a pending name drop.
    public static func labelJoin(
        _ elements: [VectorElement], destination: String, separator: String, sources: [String]
    ) throws(FunctionError) -> [VectorElement] {
        try validateLabelJoin(destination: destination, sources: sources)
        return elements.map { element in
            var out = element
            out.labels = labelJoin(element.labels, destination: destination, separator: separator, sources: sources)
            out.dropName = destination == Labels.metricName ? false : element.dropName
            return out
        }
    }

    /// Prometheus 3's UTF-8 label-name rule: any non-empty valid UTF-8. Swift strings
    /// are always valid, so a parser that decoded invalid bytes (`"\xff"`) leaves
    /// U+FFFD behind, which is rejected here as the trace of invalid input.
    public static func isValidLabelName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains("\u{FFFD}")
    }

    /// Go's `Regexp.Expand`: `$$` is `$`; `$name` / `${name}` take the longest run of
    /// letters, digits and `_`; all-digit names (no leading zero) are group numbers,
    /// others group names; unknown or non-participating groups expand to nothing; a `$`
    /// not followed by a valid name stays literal.
    public static func expand(template: String, group: (Int) -> String?, named: (String) -> String?) -> String {
        var out = ""
        var rest = Substring(template)
        while let dollar = rest.unicodeScalars.firstIndex(of: "$") {
            out += rest[..<dollar]
            rest = rest[rest.unicodeScalars.index(after: dollar)...]
            if rest.unicodeScalars.first == "$" {
                out += "$"
                rest = rest[rest.unicodeScalars.index(after: rest.startIndex)...]
                continue
            }
            guard let (name, number, remainder) = extractName(rest) else {
                out += "$" // Malformed: the `$` is literal text.
                continue
            }
            rest = remainder
            if let number {
                out += group(number) ?? ""
            } else {
                out += named(name) ?? ""
            }
        }
        return out + rest
    }

    /// Go's `extract`: the name after a `$`, its group number if numeric, and the rest.
    private static func extractName(_ text: Substring) -> (String, Int?, Substring)? {
        var scalars = text.unicodeScalars[...]
        let braced = scalars.first == "{"
        if braced { scalars = scalars.dropFirst() }
        let name = String(String.UnicodeScalarView(scalars.prefix { isNameScalar($0) }))
        guard !name.isEmpty else { return nil }
        scalars = scalars.dropFirst(name.unicodeScalars.count)
        if braced {
            guard scalars.first == "}" else { return nil }
            scalars = scalars.dropFirst()
        }
        var number: Int? = 0
        for byte in name.utf8 {
            guard let current = number, byte >= 0x30 && byte <= 0x39, current < 100_000_000 else {
                number = nil
                break
            }
            number = current * 10 + Int(byte - 0x30)
        }
        if name.utf8.first == 0x30 && name.utf8.count > 1 { number = nil } // No leading zeros.
        return (name, number, Substring(scalars))
    }

    /// Go's `unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'`.
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
