import Testing
import PromQL

/// Rejected queries and the exact error Prometheus 3 reports for each (most taken from
/// Prometheus' own `promql/parser/parse_test.go`; the column is its byte offset + 1).
@Suite struct ParserErrorTests {
    static let cases: [(query: String, error: String)] = [
        // Empty input and lexer errors.
        ("", "unknown position: parse error: no expression found in input"),
        ("# just a comment\n\n", "1:1: parse error: no expression found in input"),
        ("  ", "1:1: parse error: no expression found in input"),
        (".", "1:1: parse error: unexpected character: '.'"),
        ("2.5.", #"1:1: parse error: bad number or duration syntax: "2.5.""#),
        ("100..4", #"1:1: parse error: bad number or duration syntax: "100..""#),
        ("0deadbeef", #"1:1: parse error: bad number or duration syntax: "0de""#),
        ("1__0", #"1:1: parse error: bad number or duration syntax: "1__""#),
        ("(1))", "1:5: parse error: unexpected right parenthesis ')'"),
        ("((1)", "1:5: parse error: unclosed left parenthesis"),
        ("(", "1:2: parse error: unclosed left parenthesis"),
        ("sum(", "1:5: parse error: unclosed left parenthesis"),
        ("sum(rate(", "1:10: parse error: unclosed left parenthesis"),
        ("1 !~ 1", "1:3: parse error: unexpected character after '!': '~'"),
        ("1 =~ 1", "1:3: parse error: unexpected character after '=': '~'"),
        ("foo!", "1:4: parse error: unexpected character after '!': '\u{FFFD}'"),
        ("{", "1:2: parse error: unexpected end of input inside braces"),
        ("}", "1:1: parse error: unexpected character: '}'"),
        ("some{", "1:6: parse error: unexpected end of input inside braces"),
        ("some}", "1:5: parse error: unexpected character: '}'"),
        (#"some_metric{a:b="b"}"#, "1:14: parse error: unexpected character inside braces: ':'"),
        (#"foo{a*"b"}"#, "1:6: parse error: unexpected character inside braces: '*'"),
        (#"foo{a>="b"}"#, "1:6: parse error: unexpected character inside braces: '>'"),
        ("foo{1}", "1:5: parse error: unexpected character inside braces: '1'"),
        ("some_metric{a=\"\u{FFFD}\"}", "1:15: parse error: invalid UTF-8 rune"),
        ("label_replace(a, `b`, `c\u{FFFD}`, `d`, `.*`)", "1:23: parse error: invalid UTF-8 rune"),
        ("`\\``", "1:4: parse error: unterminated raw string"),
        (#""\"#, "1:1: parse error: escape sequence not terminated"),
        (#""\c""#, "1:1: parse error: unknown escape sequence U+0063 'c'"),
        (#""\x.""#, "1:1: parse error: illegal character U+002E '.' in escape sequence"),
        (#""\ud800""#, "1:1: parse error: escape sequence is an invalid Unicode code point"),
        (#""abc"#, "1:1: parse error: unterminated quoted string"),
        (#"sum by ("foo)(some_metric{})"#, "1:9: parse error: unterminated quoted string"),
        (#"foo{bar="baz"}["#, "1:16: parse error: unexpected end of input in duration expression"),
        (#"foo["5m"]"#, "1:5: parse error: unexpected character in duration expression: '\"'"),
        ("foo[5mm]", #"1:5: parse error: bad number or duration syntax: "5mm""#),
        ("foo[5m1]", #"1:5: parse error: bad number or duration syntax: "5m1""#),
        ("foo[5m:1m1]", #"1:8: parse error: bad number or duration syntax: "1m1""#),
        ("foo[5s x 5s]", "1:8: parse error: unexpected character: 'x', expected ':'"),
        ("foo[5s s 5s]", "1:8: parse error: unexpected character: 's', expected ':'"),
        ("foo[5m", "1:7: parse error: unclosed left bracket"),
        ("foo]", "1:4: parse error: unexpected right bracket ']'"),
        ("some_metric[5m] OFFSET 1mm", #"1:24: parse error: bad number or duration syntax: "1mm""#),

        // Numbers and durations that lex but do not parse.
        (String(repeating: "9", count: 309),
         "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"" + String(repeating: "9", count: 309)
            + "\": value out of range"),
        ("0x", #"1:1: parse error: error parsing number: strconv.ParseFloat: parsing "0x": invalid syntax"#),
        ("foo[5y1hs]", #"1:5: parse error: unknown unit "hs" in duration "5y1hs""#),
        ("foo[5m1h]", #"1:5: parse error: not a valid duration string: "5m1h""#),
        ("foo[5m1m]", #"1:5: parse error: not a valid duration string: "5m1m""#),
        ("foo[1.5h]", #"1:5: parse error: unknown unit "." in duration "1.5h""#),
        ("foo[0m]", "1:5: parse error: duration must be greater than 0"),
        ("foo[-1]", "1:5: parse error: duration must be greater than 0"),
        ("x[5m:0]", "1:6: parse error: duration must be greater than 0"),
        ("foo[9.5e10]", "1:5: parse error: duration out of range"),
        ("foo offset 9.5e10", "1:12: parse error: duration out of range"),

        // Syntax errors, with the construct yacc recovers in.
        ("1+", "1:3: parse error: unexpected end of input"),
        ("1 /", "1:4: parse error: unexpected end of input"),
        ("*1", "1:1: parse error: unexpected <op:*>"),
        ("*test", "1:1: parse error: unexpected <op:*>"),
        ("@@", "1:1: parse error: unexpected <op:@>"),
        ("-=", #"1:2: parse error: unexpected "=""#),
        ("++-++-+-+-<", "1:11: parse error: unexpected <op:<>"),
        ("e-+=/(0)", #"1:4: parse error: unexpected "=""#),
        ("()", #"1:2: parse error: unexpected ")""#),
        ("(1 2)", #"1:4: parse error: unexpected number "2""#),
        ("foo bar", #"1:5: parse error: unexpected identifier "bar""#),
        ("foo bool", "1:5: parse error: unexpected <bool>"),
        ("foo + bool bool", "1:12: parse error: unexpected <bool>"),
        ("a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"),
        ("foo + group_left(baz) bar", "1:7: parse error: unexpected <group_left>"),
        ("foo + on bar", #"1:10: parse error: unexpected identifier "bar" in grouping opts, expected "(""#),
        ("foo + on(a b) bar", #"1:12: parse error: unexpected identifier "b" in grouping opts, expected "," or ")""#),
        ("sum without(==)(some_metric)", "1:13: parse error: unexpected <op:==> in grouping opts, expected label"),
        ("sum without(,)(some_metric)", #"1:13: parse error: unexpected "," in grouping opts, expected label"#),
        ("sum without(foo,,)(some_metric)", #"1:17: parse error: unexpected "," in grouping opts, expected label"#),
        ("sum by (nan) (x)", #"1:9: parse error: unexpected number "nan" in grouping opts, expected label"#),
        ("sum some_metric by (test)", #"1:5: parse error: unexpected identifier "some_metric""#),
        ("sum (some_metric) by test", #"1:22: parse error: unexpected identifier "test" in grouping opts, expected "(""#),
        ("MIN keep_common (some_metric)", #"1:5: parse error: unexpected identifier "keep_common""#),
        ("MIN (some_metric) keep_common", #"1:19: parse error: unexpected identifier "keep_common""#),
        ("sum (some_metric) without (test) by (test)", "1:34: parse error: unexpected <by>"),
        ("sum without (test) (some_metric) by (test)", "1:34: parse error: unexpected <by>"),
        ("sum(foo +)", #"1:10: parse error: unexpected ")" in aggregation"#),
        ("sum by (foo) bar", #"1:14: parse error: unexpected identifier "bar" in aggregation"#),
        ("sum(rate(x) y)", #"1:13: parse error: unexpected identifier "y" in aggregation"#),
        ("rate(x y)", #"1:8: parse error: unexpected identifier "y""#),
        ("topk(some_metric,)", "1:17: parse error: trailing commas not allowed in function call args"),
        ("rate(x,)", "1:7: parse error: trailing commas not allowed in function call args"),
        (#"some_metric{a=b}"#, #"1:15: parse error: unexpected identifier "b" in label matching, expected string"#),
        ("foo{gibberish}", #"1:14: parse error: unexpected "}" in label matching, expected label matching operator"#),
        ("foo{__name__= =}", #"1:15: parse error: unexpected "=" in label matching, expected string"#),
        ("foo{,}", #"1:5: parse error: unexpected "," in label matching, expected identifier or "}""#),
        (#"foo{__name__ == "bar"}"#, #"1:15: parse error: unexpected "=" in label matching, expected string"#),
        (#"foo{__name__="bar" lol}"#, #"1:20: parse error: unexpected identifier "lol" in label matching, expected "," or "}""#),
        (#"foo{"a"=}"#, #"1:9: parse error: unexpected "}" in label matching, expected string"#),
        (#"foo{"a" "b"}"#, #"1:9: parse error: unexpected string "\"b\"" in label matching, expected "," or "}""#),
        ("foo[]", #"1:5: parse error: unexpected "]" in subquery or range selector, expected number, duration, step(), or range()"#),
        ("foo[step]", #"1:9: parse error: unexpected "]" in subquery or range selector, expected number, duration, step(), or range()"#),
        ("foo[5m 1m]", #"1:8: parse error: unexpected duration "1m" in subquery or range, expected ":" or "]""#),
        ("foo[5m:1m 1m]", #"1:11: parse error: unexpected duration "1m" in subquery selector, expected "]""#),
        ("foo[5m:,]", #"1:8: parse error: unexpected "," in subquery selector, expected number, duration, step(), range(), or "]""#),
        ("some_metric[5m] OFFSET", "1:23: parse error: unexpected end of input in offset, expected number, duration, step(), or range()"),
        ("foo offset - bar", #"1:14: parse error: unexpected identifier "bar" in offset, expected number, duration, step(), or range()"#),
        ("some_metric[5m] @", "1:18: parse error: unexpected end of input in @, expected timestamp"),
        ("foo @ start(1)", #"1:13: parse error: unexpected number "1" in @, expected timestamp"#),
        ("foo @ bar", #"1:7: parse error: unexpected identifier "bar" in @, expected timestamp"#),

        // Semantic errors found while parsing.
        ("1 offset 1d", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        ("sum(x) offset 5m", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        ("foo offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"),
        ("foo[5m:] offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"),
        ("foo @ 1 @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        ("foo @ +Inf", "1:1: parse error: timestamp out of bounds for @ modifier: +Inf"),
        ("foo @ -Inf", "1:1: parse error: timestamp out of bounds for @ modifier: -Inf"),
        ("foo @ NaN", "1:1: parse error: timestamp out of bounds for @ modifier: NaN"),
        ("foo @ 9223372036854775808.000000", "1:1: parse error: timestamp out of bounds for @ modifier: 9223372036854775808.000000"),
        ("foo @ -9223372036854775808.000000", "1:1: parse error: timestamp out of bounds for @ modifier: -9223372036854775808.000000"),
        ("rate(some_metric[5m]) @ 1234", "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        ("some_metric OFFSET 1m[5m]", "1:22: parse error: no offset modifiers allowed before range"),
        ("some_metric @ 1234 [5m]", "1:20: parse error: no @ modifiers allowed before range"),
        ("some_metric @ start() [5m]", "1:23: parse error: no @ modifiers allowed before range"),
        ("some_metric @ end()[5m]", "1:20: parse error: no @ modifiers allowed before range"),
        ("(foo + bar)[5m]", "1:12: parse error: ranges only allowed for vector selectors"),
        ("rate(food[1m])[1h] offset 1h", "1:15: parse error: ranges only allowed for vector selectors"),
        ("1[5m] smoothed", "1:2: parse error: ranges only allowed for vector selectors"),
        ("sum () by (test)", "1:1: parse error: no arguments for aggregate expression provided"),
        ("topk(some_metric)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"),
        ("sum(a, b)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2"),
        ("non_existent_function_far_bar()", #"1:1: parse error: unknown function with name "non_existent_function_far_bar""#),
        ("a>b()", #"1:3: parse error: unknown function with name "b""#),
        (#"foo{a=~"("}"#, #"1:5: parse error: invalid regular expression "(": expected ')'"#),
        (#"sum by ("") (x)"#, #"1:9: parse error: invalid label name for grouping: """#),

        // Type errors, checked once the query parsed.
        ("1 and 1", #"1:1: parse error: set operator "and" not allowed in binary scalar expression"#),
        ("1 or 1", #"1:1: parse error: set operator "or" not allowed in binary scalar expression"#),
        ("1 unless 1", #"1:1: parse error: set operator "unless" not allowed in binary scalar expression"#),
        ("foo and 1", #"1:1: parse error: set operator "and" not allowed in binary scalar expression"#),
        ("1 or foo", #"1:1: parse error: set operator "or" not allowed in binary scalar expression"#),
        ("foo unless 1", #"1:1: parse error: set operator "unless" not allowed in binary scalar expression"#),
        ("1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
        ("1 or on(bar) foo", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("foo == on(bar) 10", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("foo and on(bar) group_left(baz) bar", #"1:1: parse error: no grouping allowed for "and" operation"#),
        ("foo or on(bar) group_right(baz) bar", #"1:1: parse error: no grouping allowed for "or" operation"#),
        ("foo unless on(bar) group_left(baz) bar", #"1:1: parse error: no grouping allowed for "unless" operation"#),
        (#"http_requests{group="production"} + on(instance) group_left(job,instance) cpu_count{type="smp"}"#,
         #"1:35: parse error: label "instance" must not occur in ON and GROUP clause at once"#),
        ("foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("foo + bool 10", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("foo and bool 10", "1:5: parse error: bool modifier can only be used on comparison operators"),
        (#"1 + "a""#, "1:5: parse error: binary expression must contain only scalar and instant vector types"),
        ("foo[5m] * 2", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        (#"-"string""#, #"1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got "string""#),
        ("-test[5m]", #"1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got "range vector""#),
        ("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        (#"{x=""}"#, "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        (#"{x=~".*"}"#, "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        (#"{x!~".+"}"#, "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        (#"{x!="a"}"#, "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        (#"foo{__name__="bar"}"#, #"1:1: parse error: metric name must not be set twice: "foo" or "bar""#),
        (#"foo{"bar"}"#, #"1:1: parse error: metric name must not be set twice: "foo" or "bar""#),
        ("topk(some_metric, other_metric)", "1:6: parse error: expected type scalar in aggregation parameter, got instant vector"),
        ("count_values(5, other_metric)", "1:14: parse error: expected type string in aggregation parameter, got scalar"),
        ("sum(1)", "1:5: parse error: expected type instant vector in aggregation expression, got scalar"),
        ("floor()", #"1:1: parse error: expected 1 argument(s) in call to "floor", got 0"#),
        ("floor(some_metric, other_metric)", #"1:1: parse error: expected 1 argument(s) in call to "floor", got 2"#),
        ("floor(1)", #"1:7: parse error: expected type instant vector in call to function "floor", got scalar"#),
        ("hour(some_metric, some_metric, some_metric)", #"1:1: parse error: expected at most 1 argument(s) in call to "hour", got 3"#),
        ("label_join(x)", #"1:1: parse error: expected at least 3 argument(s) in call to "label_join", got 1"#),
        ("time(some_metric)", #"1:1: parse error: expected 0 argument(s) in call to "time", got 1"#),
        ("rate(some_metric)", #"1:6: parse error: expected type range vector in call to function "rate", got instant vector"#),
        ("rate(avg)", #"1:6: parse error: expected type range vector in call to function "rate", got instant vector"#),
        ("min_of(1)", #"1:1: parse error: expected 2 argument(s) in call to "min_of", got 1"#),
        ("test[5d] OFFSET 10s [10m:5s]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"),
        (#"(foo + bar{nm="val"})[5m:][10m:5s]"#, "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"),
        // Operands are checked before the operation.
        ("vector(1)[5m:] + (1)[1m:]", "1:18: parse error: subquery is only allowed on instant vector, got scalar instead"),
        ("(1)[1m:]", "1:1: parse error: subquery is only allowed on instant vector, got scalar instead"),
        (#"info(rate(http_request_counter_total{}[5m]), target_info{foo="bar"})"#,
         "1:46: parse error: expected label selectors only, got vector selector instead"),
        (#"info(http_request_counter_total{namespace="zzz"}, {foo="bar"} == 1)"#, "1:51: parse error: expected label selectors only"),
        ("a\n+ on(b)\n  1", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("a +\n  (1 ==\n 2)", "2:6: parse error: comparisons between scalars must use BOOL modifier"),

        // Experimental Prometheus features MeshScope leaves out.
        ("foo[5m+1m]", "1:5: parse error: experimental duration expression is not enabled"),
        ("foo offset (5m)", "1:13: parse error: experimental duration expression is not enabled"),
        ("foo[((-5m))]", "1:7: parse error: experimental duration expression is not enabled"),
        ("foo[step()]", "1:5: parse error: experimental duration expression is not enabled"),
        ("rate(foo[5m] anchored)", "1:6: parse error: anchored modifier is experimental and not enabled"),
        ("foo smoothed", "1:1: parse error: smoothed modifier is experimental and not enabled"),
        ("a + on(b) fill(0) c", "1:1: parse error: binop fill modifiers are experimental and not enabled"),
    ]

    @Test(arguments: cases)
    func rejects(query: String, error expected: String) {
        #expect(throws: PromQLParseError.self) { try PromQLParser.parse(query) }
        do {
            let expr = try PromQLParser.parse(query)
            Issue.record("parsed as \(expr)")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func disabledExperimentalFunctions() {
        let options = PromQLParser.Options(experimentalFunctions: false)
        func message(_ query: String) -> String {
            do {
                _ = try PromQLParser.parse(query, options: options)
                return "parsed"
            } catch {
                return error.description
            }
        }
        #expect(message("sort_by_label(x, \"a\")") == #"1:1: parse error: function "sort_by_label" is not enabled"#)
        #expect(message("limitk(1, x)")
            == "1:1: parse error: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions")
        #expect(message("rate(x[5m])") == "parsed")
    }

    @Test func errorPositions() throws {
        do {
            _ = try PromQLParser.parse("sum(x)\n  + bool on(a)\n  foo")
            Issue.record("parsed")
        } catch {
            #expect(error.message == "bool modifier can only be used on comparison operators")
            #expect(error.line == 2 && error.column == 3)
            #expect(error.position == 9)
        }
    }
}
