import MeshMetrics

/// What a query uses, as far as scope decisions go: which functions it calls, which
/// metrics it names, whether some selector has no fixed name, and which experimental
/// syntax it contains. Heuristic by design (a tokenizer, not a parser), erring towards
/// reporting more, so a doubtful eval is skipped rather than miscounted as failing.
public struct QueryFeatures: Sendable, Hashable {
    /// Experimental syntax, by the name used in skip reasons.
    public enum Syntax: String, Sendable, Hashable, CaseIterable {
        /// `fill(...)`, `fill_left(...)`, `fill_right(...)` on binary operators.
        case fillModifier = "fill modifier"
        /// `smoothed` / `anchored` after a range selector.
        case extendedRangeSelector = "smoothed/anchored range selector"
        /// Arithmetic or functions where a duration goes: `[5m+1m]`, `[step()]`,
        /// `offset (1m * 2)`.
        case durationExpression = "duration expression"
    }

    /// Functions and aggregations called, lowercased (`rate`, `sum`, `step`).
    public var functionCalls: Set<String> = []
    /// Metric names selected: `name`, `name{...}`, `{"name"}`, `{__name__="name"}`.
    public var metricNames: Set<String> = []
    /// A selector such as `{job="a"}` or `{__name__=~"a|b"}`: no fixed metric name.
    public var hasSelectorWithoutName = false
    /// Every selector's matchers, the metric name as a `__name__` matcher.
    public var selectors: [[SelectorMatcher]] = []
    public var experimentalSyntax: Set<Syntax> = []

    private static let groupingKeywords: Set<String> = ["by", "without", "on", "ignoring", "group_left", "group_right"]
    private static let fillKeywords: Set<String> = ["fill", "fill_left", "fill_right"]
    private static let keywords = groupingKeywords.union([
        "and", "or", "unless", "atan2", "bool", "offset", "inf", "nan", "smoothed", "anchored",
    ])
    private static let aggregators: Set<String> = [
        "sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk",
        "count_values", "quantile", "limitk", "limit_ratio",
    ]

    public init(query: String) {
        let tokens = QueryScanner.tokens(query)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch token {
            case .identifier(let name):
                index = identifier(name, at: index, next: next, tokens)
            case .punctuation("{"):
                let (matchers, close) = QueryFeatures.selectorMatchers(tokens, from: index)
                add(selector: matchers)
                index = close + 1
            case .punctuation("["):
                let close = QueryScanner.matchingClose(tokens, from: index)
                if !QueryFeatures.isPlainRange(tokens[(index + 1)..<max(index + 1, close)]) {
                    experimentalSyntax.insert(.durationExpression)
                }
                // Keep scanning inside: `[step()]` should also report the call.
                index += 1
            default:
                index += 1
            }
        }
    }

    /// The first series (in label order, for stable reports) some selector matches.
    public static func firstMatch(of selectors: [[SelectorMatcher]], in series: Set<Labels>) -> Labels? {
        series.sorted().first { labels in selectors.contains { $0.allSatisfy { $0.matches(labels) } } }
    }

    /// Classifies one identifier and returns where scanning continues.
    private mutating func identifier(_ name: String, at index: Int, next: QueryToken?, _ tokens: [QueryToken]) -> Int {
        let lower = name.lowercased()
        let previous = index > 0 ? tokens[index - 1] : nil
        // Operators and modifiers first: `and (x)` or `offset (1m)` are not calls.
        if QueryFeatures.keywords.contains(lower) && !QueryFeatures.groupingKeywords.contains(lower) {
            if lower == "smoothed" || lower == "anchored" { experimentalSyntax.insert(.extendedRangeSelector) }
            if lower == "offset" && QueryFeatures.offsetIsExpression(tokens, after: index) {
                experimentalSyntax.insert(.durationExpression)
            }
            return index + 1
        }
        if next == .punctuation("(") {
            if QueryFeatures.groupingKeywords.contains(lower) {
                // A label list, not an expression.
                return QueryScanner.matchingClose(tokens, from: index + 1) + 1
            }
            if QueryFeatures.fillKeywords.contains(lower) {
                experimentalSyntax.insert(.fillModifier)
            } else if previous == .punctuation("@") && (lower == "start" || lower == "end") {
                // `@ start()` / `@ end()` are the standard at-modifier preprocessors.
            } else {
                functionCalls.insert(lower)
            }
            return index + 1
        }
        if QueryFeatures.groupingKeywords.contains(lower) { return index + 1 }  // `group_left` alone
        if QueryFeatures.aggregators.contains(lower), let modifier = next?.identifier?.lowercased(),
           modifier == "by" || modifier == "without" {
            // `sum by (job) (...)`: still a call, its grouping comes first.
            functionCalls.insert(lower)
            return index + 1
        }
        let nameMatcher = SelectorMatcher(Labels.metricName, .equal, name)
        if next == .punctuation("{") {
            let (matchers, close) = QueryFeatures.selectorMatchers(tokens, from: index + 1)
            add(selector: [nameMatcher] + matchers)
            return close + 1
        }
        add(selector: [nameMatcher])
        return index + 1
    }

    private mutating func add(selector matchers: [SelectorMatcher]) {
        selectors.append(matchers)
        let names = matchers.filter { $0.name == Labels.metricName && $0.op == .equal }.map(\.value)
        metricNames.formUnion(names)
        if names.isEmpty { hasSelectorWithoutName = true }
    }

    /// The matchers in the braces opened at `open`, and the closing index. A `"name"`
    /// item is the metric name. Anything unreadable gives no matchers, which selects
    /// every series: the safe side for "could this reach native histograms?".
    private static func selectorMatchers(_ tokens: [QueryToken], from open: Int) -> ([SelectorMatcher], Int) {
        let close = QueryScanner.matchingClose(tokens, from: open)
        var matchers: [SelectorMatcher] = []
        var item: [QueryToken] = []
        for token in tokens[(open + 1)..<max(open + 1, close)] + [.punctuation(",")] {
            guard token == .punctuation(",") else { item.append(token); continue }
            defer { item = [] }
            if item.isEmpty { continue }
            if item.count == 1, case .string(let name) = item[0] {
                matchers.append(SelectorMatcher(Labels.metricName, .equal, name))
                continue
            }
            guard item.count == 3, let symbol = item[1].punctuation, let op = SelectorMatcher.Operator(rawValue: symbol),
                  case .string(let value) = item[2] else { return ([], close) }
            let name: String
            switch item[0] {
            case .identifier(let identifier): name = identifier
            case .string(let quoted): name = quoted
            default: return ([], close)
            }
            matchers.append(SelectorMatcher(name, op, value))
        }
        return (matchers, close)
    }

    /// `[5m]`, `[100]`, `[1h:5m]`, `[30m:]`: a duration, optionally a subquery step.
    private static func isPlainRange(_ content: ArraySlice<QueryToken>) -> Bool {
        let items = Array(content)
        func isNumber(_ token: QueryToken) -> Bool {
            if case .number = token { return true }
            return false
        }
        switch items.count {
        case 1: return isNumber(items[0])
        case 2: return isNumber(items[0]) && items[1] == .punctuation(":")
        case 3: return isNumber(items[0]) && items[1] == .punctuation(":") && isNumber(items[2])
        default: return false
        }
    }

    /// `offset (…)`, `offset -(…)` or `offset step()`: an expression, not a duration.
    private static func offsetIsExpression(_ tokens: [QueryToken], after index: Int) -> Bool {
        var position = index + 1
        if position < tokens.count, tokens[position] == .punctuation("-") || tokens[position] == .punctuation("+") {
            position += 1
        }
        guard position < tokens.count else { return false }
        switch tokens[position] {
        case .punctuation("("), .identifier: return true
        default: return false
        }
    }
}
