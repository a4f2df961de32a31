import MeshMetrics

extension Parser {
    /// `name`, `name{...}` or `{...}`; `name` has been consumed when given.
    mutating func parseVectorSelector(name: Token?) throws(ParseFailure) -> VectorSelector {
        var matchers: [LabelMatcher] = []
        var range: PositionRange
        if let name { range = name.range } else { range = PositionRange(start: try peek().start, end: 0) }
        if try peek().kind == .leftBrace {
            let (braced, end) = try parseLabelMatchers()
            matchers = braced
            range.end = end
        }
        guard let name else { return VectorSelector(matchers: matchers, positionRange: range) }
        // The name written outside the braces becomes the last matcher, as in Prometheus.
        matchers.append(try makeMatcher(Labels.metricName, .equal, name.text, at: name.range))
        return VectorSelector(name: name.text, matchers: matchers, positionRange: range)
    }

    /// `{a="b", "c.d"=~"e", "metric.name"}` (a trailing comma is fine); returns the
    /// matchers and the end of the closing brace.
    mutating func parseLabelMatchers() throws(ParseFailure) -> ([LabelMatcher], Int) {
        try advance()
        var matchers: [LabelMatcher] = []
        if let close = try take(.rightBrace) { return (matchers, close.end) }
        while true {
            let label = try peek()
            switch label.kind {
            case .identifier:
                try advance()
                matchers.append(try parseMatcherTail(name: label.text, nameToken: label))
            case .string:
                try advance()
                let name = String(decoding: try unquote(label), as: UTF8.self)
                if matchOperator(try peek()) != nil {
                    matchers.append(try parseMatcherTail(name: name, nameToken: label))
                } else {
                    // A lone quoted string is the metric name (Prometheus 3).
                    matchers.append(try makeMatcher(Labels.metricName, .equal, name, at: label.range))
                }
            default:
                throw unexpected(label, in: "label matching", expected: "identifier or \"}\"")
            }
            let separator = try peek()
            switch separator.kind {
            case .comma:
                try advance()
                if let close = try take(.rightBrace) { return (matchers, close.end) }
            case .rightBrace:
                try advance()
                return (matchers, separator.end)
            default:
                throw unexpected(separator, in: "label matching", expected: "\",\" or \"}\"")
            }
        }
    }

    /// The operator and value after a label name.
    private mutating func parseMatcherTail(name: String, nameToken: Token) throws(ParseFailure) -> LabelMatcher {
        let opToken = try peek()
        guard let kind = matchOperator(opToken) else {
            throw unexpected(opToken, in: "label matching", expected: "label matching operator")
        }
        try advance()
        let valueToken = try peek()
        guard valueToken.kind == .string else { throw unexpected(valueToken, in: "label matching", expected: "string") }
        try advance()
        let value = String(decoding: try unquote(valueToken), as: UTF8.self)
        return try makeMatcher(name, kind, value, at: nameToken.range.merged(with: valueToken.range))
    }

    private func matchOperator(_ token: Token) -> LabelMatcher.Kind? {
        switch token.kind {
        case .assign: .equal
        case .notEqual: .notEqual
        case .regexMatch: .regex
        case .regexNoMatch: .notRegex
        default: nil
        }
    }

    /// A matcher, with a regular expression that does not compile reported where the
    /// matcher is written.
    func makeMatcher(_ name: String, _ kind: LabelMatcher.Kind, _ value: String, at range: PositionRange) throws(ParseFailure) -> LabelMatcher {
        do {
            return try LabelMatcher(name, kind, value)
        } catch {
            throw self.error(error.message, at: range)
        }
    }
}
