import Testing
import PromQL

/// Valid queries: their canonical rendering (Prometheus' `String()`), the trees behind
/// it, precedence and associativity.
@Suite struct ParserTests {
    static let renderings: [(query: String, rendering: String)] = [
        // Literals.
        ("1", "1"),
        ("+Inf", "+Inf"),
        ("-inf", "-Inf"),
        ("nAn", "NaN"),
        (".5", "0.5"),
        ("5.", "5"),
        ("123.4567", "123.4567"),
        ("5e-3", "0.005"),
        ("12.34e+6", "12340000"),
        ("-0.2e-6", "-0.0000002"),
        ("1e21", "1000000000000000000000"),
        ("0xc", "12"),
        ("0x_1F", "31"),
        ("0755", "493"),
        ("09", "9"),
        ("-0755", "-493"),
        ("1_000_000", "1000000"),
        ("-0", "-0"),
        ("1h30m", "1h30m"),
        ("-5m", "-5m"),
        ("90m", "1h30m"),
        ("1500ms", "1s500ms"),
        ("2w", "2w"),
        ("8d", "8d"),
        (#""double \" quoted""#, #""double \" quoted""#),
        (#"'single \' quoted'"#, #""single ' quoted""#),
        ("`raw \\n string`", #""raw \\n string""#),
        (#""\a\b\f\n\r\t\v\\ \x41\101\u00e9\U0001F600""#, #""\a\b\f\n\r\t\v\\ AAé😀""#),
        (#""\xff\xc5""#, #""\xff\xc5""#),
        (#""\u200b""#, #""\u200b""#),
        // Selectors.
        ("foo", "foo"),
        ("foo:bar{a=\"bc\"}", #"foo:bar{a="bc"}"#),
        (#"foo{b="2", a!="1", c=~"x.*", d!~"y",}"#, #"foo{a!="1",b="2",c=~"x.*",d!~"y"}"#),
        (#"{__name__=~"foo|bar"}"#, #"{__name__=~"foo|bar"}"#),
        (#"{"foo.bar"}"#, #"{__name__="foo.bar"}"#),
        (#"{"foo.bar", "service.name"="api"}"#, #"{"service.name"="api",__name__="foo.bar"}"#),
        (#"{'foo\'bar', `a\dos`="b"}"#, #"{"a\\dos"="b",__name__="foo'bar"}"#),
        (#"{__name__="bar", __name__="baz"}"#, #"{__name__="bar",__name__="baz"}"#),
        (#"{"bar", __name__="baz"}"#, #"{__name__="bar",__name__="baz"}"#),
        (#"{__name__=~"bar", __name__!~"baz"}"#, #"{__name__!~"baz",__name__=~"bar"}"#),
        ("sum", "sum"),
        ("offset{step=\"1s\"}", #"offset{step="1s"}"#),
        ("start", "start"),
        ("foo and by", "foo and by"),
        (#"foo{NaN='bc'}"#, #"foo{NaN="bc"}"#),
        ("foo offset 5m", "foo offset 5m"),
        ("foo OFFSET -7m", "foo offset -7m"),
        ("foo offset 30", "foo offset 30s"),
        ("foo offset 1.5", "foo offset 1s500ms"),
        ("foo offset 0", "foo"),
        ("foo @ 1603774568", "foo @ 1603774568.000"),
        ("foo @ -100", "foo @ -100.000"),
        ("foo @ .3", "foo @ 0.300"),
        ("foo @ 3.3335", "foo @ 3.334"),
        ("foo @ 1m", "foo @ 60.000"),
        ("foo @ start()", "foo @ start()"),
        ("foo @ end() offset 1m", "foo @ end() offset 1m"),
        ("foo offset 1m @ end()", "foo @ end() offset 1m"),
        ("test[5m]", "test[5m]"),
        ("test[300]", "test[5m]"),
        ("test[4.018]", "test[4s18ms]"),
        ("test[+5m]", "test[5m]"),
        (#"test{a="b"}[5y] OFFSET 3d"#, #"test{a="b"}[5y] offset 3d"#),
        ("foo[5m] @ 10 offset -1h", "foo[5m] @ 10.000 offset -1h"),
        ("foo[5m:1m]", "foo[5m:1m]"),
        ("foo[5m:]", "foo[5m:]"),
        ("foo offset 1m [10m:5s]", "foo offset 1m[10m:5s]"),
        ("foo[10m:6s] @ start() offset 1m", "foo[10m:6s] @ start() offset 1m"),
        ("rate(foo[5m])[30m:1m]", "rate(foo[5m])[30m:1m]"),
        (#"(foo + bar{nm="val"})[5m:] offset 10m"#, #"(foo + bar{nm="val"})[5m:] offset 10m"#),
        // Operators and modifiers.
        ("1 + 2 * 3", "1 + 2 * 3"),
        ("foo*bar", "foo * bar"),
        ("foo == bool 1", "foo == bool 1"),
        ("1 < bool 2", "1 < bool 2"),
        ("foo atan2 bar", "foo atan2 bar"),
        ("foo AND bar", "foo and bar"),
        ("foo * on(a, b) group_left(c) bar", "foo * on (a, b) group_left (c) bar"),
        ("foo * ignoring(a) group_right bar", "foo * ignoring (a) group_right () bar"),
        ("foo * on() bar", "foo * on () bar"),
        ("foo and ignoring() bar", "foo and bar"),
        ("foo / on(\"a.b\") bar", #"foo / on ("a.b") bar"#),
        ("foo + on() 1", "foo + 1"),
        ("-foo", "-foo"),
        ("- -foo", "--foo"),
        ("-(1)", "-(1)"),
        ("--1", "1"),
        ("+-+1", "-1"),
        // Aggregations and calls.
        ("sum(foo)", "sum(foo)"),
        ("sum by (a, b) (foo)", "sum by (a, b) (foo)"),
        ("sum(foo) by (a)", "sum by (a) (foo)"),
        ("SUM without (a) (foo)", "sum without (a) (foo)"),
        ("sum without () (foo)", "sum without () (foo)"),
        ("sum by () (foo)", "sum(foo)"),
        ("sum by (foo,)(x)", "sum by (foo) (x)"),
        ("sum without(and, by, avg, count, alert)(x)", "sum without (and, by, avg, count, alert) (x)"),
        (#"sum by ("foo bar", 'baz')({"some.metric"})"#, #"sum by ("foo bar", baz) ({__name__="some.metric"})"#),
        ("topk(5, foo)", "topk(5, foo)"),
        (#"count_values("v", foo)"#, #"count_values("v", foo)"#),
        ("quantile without(point)(0.8, data)", "quantile without (point) (0.8, data)"),
        ("limitk(2, foo)", "limitk(2, foo)"),
        ("limit_ratio(-0.5, foo)", "limit_ratio(-0.5, foo)"),
        ("sum(sum)", "sum(sum)"),
        ("time()", "time()"),
        ("rate(foo[5m])", "rate(foo[5m])"),
        ("round(foo, 5)", "round(foo, 5)"),
        ("hour()", "hour()"),
        (#"label_join(up, "x", ",", "a", "b", "c")"#, #"label_join(up, "x", ",", "a", "b", "c")"#),
        ("start() + end() - step() * range()", "start() + end() - step() * range()"),
        ("max_of(1, min_of(2, 3))", "max_of(1, min_of(2, 3))"),
        ("pi()", "pi()"),
        (#"info(up, {foo="bar"})"#, #"info(up, {foo="bar"})"#),
        (#"info(up, {x=""})"#, #"info(up, {x=""})"#),
        (#"histogram_quantiles(x, "q", 0.5, 0.9)"#, #"histogram_quantiles(x, "q", 0.5, 0.9)"#),
        // Prometheus' own printer cases (printer_test.go).
        (#"sum by(code) (task:errors:rate10s{job="s"})"#, #"sum by (code) (task:errors:rate10s{job="s"})"#),
        (#"sum by("foo.bar") (task:errors:rate10s{job="s"})"#, #"sum by ("foo.bar") (task:errors:rate10s{job="s"})"#),
        ("a - on(b) group_left() (c)", "a - on (b) group_left () (c)"),
        ("a - ignoring() group_left(__metric__) c", "a - ignoring () group_left (__metric__) c"),
        ("a[1h:5m] offset 1m", "a[1h:5m] offset 1m"),
        (#"{__name__="",a="x"}"#, #"{__name__="",a="x"}"#),
        (#"{"0"="1"}"#, #"{"0"="1"}"#),
        (#"{"_0"="1"}"#, #"{_0="1"}"#),
        ("{``=\"0\"}", #"{""="0"}"#),
        ("1048576", "1048576"),
        (#"count by("ööö", job) (foo)"#, #"count by ("ööö", job) (foo)"#),
        (#"foo / on("äää") group_right("ööö") bar"#, #"foo / on ("äää") group_right ("ööö") bar"#),
        // Comments and layout.
        ("foo # comment", "foo"),
        ("sum(\n  rate(foo[5m]) # per second\n)\n", "sum(rate(foo[5m]))"),
        (#"foo{a="b", # the label"# + "\n" + #"c="d"}"#, #"foo{a="b",c="d"}"#),
    ]

    @Test(arguments: renderings)
    func rendering(query: String, rendering: String) throws {
        let expr = try PromQLParser.parse(query)
        #expect(expr.description == rendering)
        #expect(try PromQLParser.parse(rendering) == expr)
    }

    /// Precedence and associativity, shown by parenthesising every binary operation.
    static let groupings: [(query: String, grouped: String)] = [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 * 2 + 3", "((1 * 2) + 3)"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("1 / 2 % 3 atan2 4", "(((1 / 2) % 3) atan2 4)"),
        ("2 ^ 3 ^ 2", "(2 ^ (3 ^ 2))"),
        ("-2 ^ 2", "-(2 ^ 2)"),
        ("-foo * bar", "(-foo * bar)"),
        ("2 ^ -1 * 3", "((2 ^ -1) * 3)"),
        ("2 ^ -a ^ b", "(2 ^ -(a ^ b))"),
        ("a * -b ^ c", "(a * -(b ^ c))"),
        ("+1 + -2 * 1", "(1 + (-2 * 1))"),
        ("a == bool b + c", "(a == bool (b + c))"),
        ("a > b == c", "((a > b) == c)"),
        ("a + b > c and d or e unless f", "((((a + b) > c) and d) or (e unless f))"),
        ("foo + bar or bla and blub", "((foo + bar) or (bla and blub))"),
        ("foo and bar unless baz or qux", "(((foo and bar) unless baz) or qux)"),
        ("bar + on(foo) bla / on(baz, buz) group_right(test) blub", "(bar + (bla / blub))"),
        ("-foo offset 1m @ 5", "-foo @ 5.000 offset 1m"),
        ("-foo @ 5", "-foo @ 5.000"),
        ("a ^ b offset 5m", "(a ^ b offset 5m)"),
        ("foo offset 5m + 1m", "(foo offset 5m + 1m)"),
        ("foo offset -1 ^ 1", "(foo offset -1s ^ 1)"),
    ]

    @Test(arguments: groupings)
    func grouping(query: String, grouped: String) throws {
        #expect(Self.parenthesised(try PromQLParser.parse(query)) == grouped)
    }

    /// The expression with every binary operation in parentheses.
    static func parenthesised(_ expr: Expr) -> String {
        switch expr {
        case .binary(let node):
            let op = node.op.rawValue + (node.returnBool ? " bool" : "")
            return "(" + parenthesised(node.lhs) + " " + op + " " + parenthesised(node.rhs) + ")"
        case .unary(let node):
            return node.op.rawValue + parenthesised(node.expr)
        default:
            return expr.description
        }
    }
}
