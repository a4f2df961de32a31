/// The lexer's token types, mirroring Prometheus' item types so that error messages
/// describe tokens the same way.
enum TokenKind: Sendable, Equatable {
    case eof, error, comment
    case identifier, metricIdentifier, number, duration, string
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case comma, assign, colon, doubleColon

    // Operators.
    case add, sub, mul, div, mod, pow, at
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual, regexMatch, regexNoMatch
    case and, or, unless, atan2

    // Aggregators.
    case aggregator(AggregateOperator)

    // Keywords.
    case bool, by, without, on, ignoring, groupLeft, groupRight, offset, smoothed, anchored
    case fill, fillLeft, fillRight

    // Preprocessors: `@ start()`, `@ end()`, and the duration functions.
    case start, end, step, range

    /// Keywords and operators spelled as words, by lower-case spelling; `inf` and `nan`
    /// are numbers.
    static let words: [String: TokenKind] = {
        var words: [String: TokenKind] = [
            "and": .and, "or": .or, "unless": .unless, "atan2": .atan2,
            "offset": .offset, "smoothed": .smoothed, "anchored": .anchored, "by": .by, "without": .without,
            "on": .on, "ignoring": .ignoring, "group_left": .groupLeft, "group_right": .groupRight,
            "fill": .fill, "fill_left": .fillLeft, "fill_right": .fillRight, "bool": .bool,
            "start": .start, "end": .end, "step": .step, "range": .range,
            "inf": .number, "nan": .number,
        ]
        for op in AggregateOperator.allCases { words[op.rawValue] = .aggregator(op) }
        return words
    }()

    var isOperator: Bool {
        switch self {
        case .add, .sub, .mul, .div, .mod, .pow, .at, .equal, .notEqual, .less, .lessOrEqual, .greater,
            .greaterOrEqual, .regexMatch, .regexNoMatch, .and, .or, .unless, .atan2:
            true
        default: false
        }
    }

    var isKeyword: Bool {
        switch self {
        case .bool, .by, .without, .on, .ignoring, .groupLeft, .groupRight, .offset, .smoothed, .anchored,
            .fill, .fillLeft, .fillRight:
            true
        default: false
        }
    }

    var isAggregator: Bool {
        if case .aggregator = self { return true }
        return false
    }

    /// Types Prometheus has a fixed spelling for (`ItemTypeStr`): punctuation, operators,
    /// keywords. Unexpected ones are described by their text alone (`unexpected ")"`).
    var hasFixedSpelling: Bool {
        switch self {
        case .eof, .error, .comment, .identifier, .metricIdentifier, .number, .duration, .string: false
        default: true
        }
    }

    /// The binary operator this token spells, if any.
    var binaryOperator: BinaryOperator? {
        switch self {
        case .add: .add
        case .sub: .sub
        case .mul: .mul
        case .div: .div
        case .mod: .mod
        case .pow: .pow
        case .atan2: .atan2
        case .equal: .equal
        case .notEqual: .notEqual
        case .greater: .greater
        case .less: .less
        case .greaterOrEqual: .greaterOrEqual
        case .lessOrEqual: .lessOrEqual
        case .and: .and
        case .or: .or
        case .unless: .unless
        default: nil
        }
    }

    /// Words that may also name a metric (Prometheus' `metric_identifier`).
    var canNameMetric: Bool {
        switch self {
        case .identifier, .metricIdentifier, .aggregator, .by, .without, .and, .or, .unless, .offset,
            .start, .end, .step, .range, .anchored, .smoothed:
            true
        default: false
        }
    }

    /// Words that may be a label in a grouping list (`maybe_label`).
    var canNameLabel: Bool {
        switch self {
        case .identifier, .metricIdentifier, .aggregator, .bool, .by, .without, .on, .ignoring, .groupLeft,
            .groupRight, .and, .or, .unless, .offset, .start, .end, .step, .range, .atan2, .anchored, .smoothed:
            true
        default: false
        }
    }
}
