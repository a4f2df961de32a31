import MeshMetrics
import Testing

@Suite struct LabelMatcherTests {
    @Test func regexesAreFullyAnchored() throws {
        let matcher = try LabelMatcher("job", .regex, "api")
        #expect(matcher.matches("api"))
        #expect(!matcher.matches("api-2"))
        #expect(!matcher.matches("my-api"))
        #expect(try LabelMatcher("job", .regex, "api.*").matches("api-2"))
    }

    @Test func dotMatchesNewlineAsInPrometheus() throws {
        #expect(try LabelMatcher("path", .regex, "a.b").matches("a\nb"))
        #expect(!(try LabelMatcher("path", .notRegex, "a.*").matches("a\nb")))
    }

    @Test func literalAlternationsAndEmptyMatching() throws {
        let alternation = try LabelMatcher("code", .regex, "500|503|")
        #expect(alternation.matches("503"))
        #expect(!alternation.matches("5033"))
        #expect(alternation.matchesEmpty)
        #expect(try LabelMatcher("code", .notEqual, "200").matchesEmpty)
        #expect(!(try LabelMatcher("code", .equal, "200").matchesEmpty))
    }

    @Test func invalidRegexIsAnError() {
        #expect(throws: SelectorError.self) { try LabelMatcher("job", .regex, "a(") }
    }

    @Test func selectorsParseAndRejectWhatPrometheusRejects() throws {
        let selector = try SeriesSelector(parsing: #"up{job=~"a|b", instance!="x"}"#)
        #expect(selector.matchers.map(\.description) == [#"__name__="up""#, #"job=~"a|b""#, #"instance!="x""#])
        #expect(throws: SelectorError.self) { try SeriesSelector(parsing: #"{job=""}"#) }
        #expect(throws: SelectorError.self) { try SeriesSelector(parsing: #"up{job="a""#) }
        #expect(throws: SelectorError.self) { try SeriesSelector(parsing: "up extra") }
    }
}
