import Testing
import MeshMetrics
import PromQL

/// The trees the parser builds: types, modifiers in milliseconds, normalised vector
/// matching, positions, and the function table.
@Suite struct ParserTreeTests {
    @Test func valueTypes() throws {
        let cases: [(String, ValueType)] = [
            ("1", .scalar), (#""a""#, .string), ("foo", .vector), ("foo[5m]", .matrix), ("foo[5m:]", .matrix),
            ("1 + 1", .scalar), ("foo + 1", .vector), ("-1", .scalar), ("-foo", .vector), ("(foo[1m])", .matrix),
            ("sum(foo)", .vector), ("time()", .scalar), ("scalar(foo)", .scalar), ("rate(foo[1m])", .vector),
            ("1 > bool 2", .scalar), ("-(1 + 1)", .scalar),
        ]
        for (query, type) in cases {
            #expect(try PromQLParser.parse(query).type == type, "\(query)")
        }
        #expect(ValueType.vector.documentedName == "instant vector")
        #expect(ValueType.matrix.documentedName == "range vector")
    }

    @Test func selectorTree() throws {
        let expr = try PromQLParser.parse(#"http_requests{job="api", code=~"5.."}[5m] offset 1h @ 1609746000"#)
        guard case .matrixSelector(let matrix) = expr else {
            Issue.record("not a matrix selector: \(expr)")
            return
        }
        let selector = matrix.vectorSelector
        #expect(selector.name == "http_requests")
        #expect(selector.matchers.map(\.description) == [#"job="api""#, #"code=~"5..""#, #"__name__="http_requests""#])
        #expect(selector.matchers[1].matches("503") && !selector.matchers[1].matches("404"))
        #expect(matrix.range == 300_000)
        #expect(selector.offset == 3_600_000)
        #expect(selector.at == .timestamp(1_609_746_000_000))
        #expect(selector.positionRange == PositionRange(start: 0, end: 37))
        #expect(matrix.positionRange == PositionRange(start: 0, end: 64))
    }

    @Test func subqueryTree() throws {
        let expr = try PromQLParser.parse("max_over_time(rate(x[1m])[30m:15s] offset -5m @ end())")
        guard case .call(let call) = expr, case .subquery(let subquery) = call.args[0] else {
            Issue.record("unexpected tree \(expr)")
            return
        }
        #expect(call.function.name == "max_over_time" && call.function.returnType == .vector)
        #expect(subquery.range == 1_800_000 && subquery.step == 15_000)
        #expect(subquery.offset == -300_000 && subquery.at == .end)
        #expect(subquery.expr.type == .vector)
        #expect(try PromQLParser.parse("x[5m:]") == .subquery(SubqueryExpr(expr: PromQLParser.parse("x"), range: 300_000)))
    }

    @Test func binaryMatchingIsNormalised() throws {
        guard case .binary(let set) = try PromQLParser.parse("a and on(b) c") else { throw TreeMismatch() }
        #expect(set.matching == VectorMatching(cardinality: .manyToMany, on: true, matchingLabels: ["b"]))
        guard case .binary(let grouped) = try PromQLParser.parse("a / ignoring(x) group_left(y, z) b") else { throw TreeMismatch() }
        #expect(grouped.matching == VectorMatching(cardinality: .manyToOne, matchingLabels: ["x"], include: ["y", "z"]))
        guard case .binary(let scalar) = try PromQLParser.parse("a + on() 1") else { throw TreeMismatch() }
        #expect(scalar.matching == nil)
        guard case .binary(let vectors) = try PromQLParser.parse("a - b") else { throw TreeMismatch() }
        #expect(vectors.matching == VectorMatching())
    }

    @Test func aggregationTree() throws {
        guard case .aggregate(let node) = try PromQLParser.parse("topk by (job) (3, rate(x[5m]))") else { throw TreeMismatch() }
        #expect(node.op == .topk && node.grouping == ["job"] && !node.without)
        #expect(node.param == .number(NumberLiteral(3)))
        #expect(node.positionRange == PositionRange(start: 0, end: 30))
        guard case .aggregate(let trailing) = try PromQLParser.parse("count_values without (a) (\"v\", x)") else { throw TreeMismatch() }
        #expect(trailing.without && trailing.param?.type == .string)
    }

    @Test func positions() throws {
        let expr = try PromQLParser.parse("  sum(rate(foo[5m])) / -  2")
        guard case .binary(let node) = expr else { throw TreeMismatch() }
        #expect(node.positionRange == PositionRange(start: 2, end: 27))
        #expect(node.lhs.positionRange == PositionRange(start: 2, end: 20))
        // A folded sign starts the literal.
        #expect(node.rhs.positionRange == PositionRange(start: 23, end: 27))
        guard case .aggregate(let sum) = node.lhs, case .call(let rate) = sum.expr else { throw TreeMismatch() }
        #expect(rate.positionRange == PositionRange(start: 6, end: 19))
        #expect(rate.args[0].positionRange == PositionRange(start: 11, end: 18))
        #expect(PositionRange(start: 6, end: 8).lineAndColumn(in: "a\nbc\ndefg")! == (3, 2))
    }

    @Test func stringLiteralBytes() throws {
        guard case .string(let literal) = try PromQLParser.parse(#""a\xc5z""#) else { throw TreeMismatch() }
        #expect(literal.bytes == [0x61, 0xC5, 0x7A])
        #expect(!literal.isValidUTF8)
        #expect(literal.quoted == #""a\xc5z""#)
        guard case .string(let valid) = try PromQLParser.parse(#"'\u00e9'"#) else { throw TreeMismatch() }
        #expect(valid.value == "é" && valid.isValidUTF8)
    }

    @Test func numberLiteralEquality() throws {
        #expect(try PromQLParser.parse("NaN") == PromQLParser.parse("-NaN"))
        #expect(try PromQLParser.parse("0") != PromQLParser.parse("-0"))
        #expect(try PromQLParser.parse("1h") != PromQLParser.parse("3600"))
        guard case .number(let literal) = try PromQLParser.parse("1h") else { throw TreeMismatch() }
        #expect(literal.value == 3600 && literal.isDuration)
    }

    @Test func equalityIgnoresPositionsAndMatcherOrder() throws {
        #expect(try PromQLParser.parse(#"  foo{b="1",a="2"}"#) == PromQLParser.parse(#"foo{a="2",b="1"}"#))
        #expect(try PromQLParser.parse("foo") != PromQLParser.parse("bar"))
        let set: Set<Expr> = [try PromQLParser.parse("a + b"), try PromQLParser.parse("a+b"), try PromQLParser.parse("a - b")]
        #expect(set.count == 2)
    }

    @Test func functionTable() {
        let rate = PromQLFunction.named("rate")
        #expect(rate?.argumentTypes == [.matrix] && rate?.returnType == .vector)
        #expect(PromQLFunction.named("round")?.minimumArguments == 1)
        #expect(PromQLFunction.named("round")?.maximumArguments == 2)
        #expect(PromQLFunction.named("label_join")?.maximumArguments == nil)
        #expect(PromQLFunction.named("histogram_quantiles")?.maximumArguments == 12)
        #expect(PromQLFunction.named("Rate") == nil)
        for name in [
            "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "day_of_month",
            "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor", "histogram_quantile", "hour",
            "idelta", "increase", "irate", "label_join", "label_replace", "ln", "log2", "log10", "minute", "month",
            "predict_linear", "rate", "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sort_by_label",
            "sort_by_label_desc", "sqrt", "time", "timestamp", "vector", "year", "avg_over_time", "min_over_time",
            "max_over_time", "sum_over_time", "count_over_time", "quantile_over_time", "stddev_over_time",
            "stdvar_over_time", "last_over_time", "present_over_time", "mad_over_time", "ts_of_min_over_time",
            "ts_of_max_over_time", "ts_of_last_over_time", "double_exponential_smoothing", "histogram_fraction",
            "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar", "info", "acos",
            "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh", "deg", "rad", "pi",
        ] {
            #expect(PromQLFunction.named(name) != nil, "\(name)")
        }
    }

    @Test func operatorTables() {
        #expect(BinaryOperator.allCases.filter(\.isComparison).count == 6)
        #expect(BinaryOperator.allCases.filter(\.isSetOperator) == [.and, .or, .unless])
        #expect(BinaryOperator.pow.isRightAssociative && !BinaryOperator.sub.isRightAssociative)
        #expect(AggregateOperator.allCases.filter(\.hasParameter).count == 6)
        #expect(AggregateOperator.countValues.parameterType == .string)
    }
}

private struct TreeMismatch: Error {}
