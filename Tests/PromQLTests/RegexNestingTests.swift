import MeshMetrics
import PromQL
import Testing

/// Swift's regex parser recurses per nesting level and overflows the stack near 10,000
/// nested `[` (found by `meshscope bench fuzz`): every place that compiles a user's regex
/// refuses such patterns before compiling them.
@Suite struct RegexNestingTests {
    static let deep = String(repeating: "[", count: 10_000)

    @Test func depthIsCountedOutsideEscapes() {
        #expect(RegexNesting.problem("(a|b)[cd]((e))") == nil)
        #expect(RegexNesting.problem(String(repeating: "(", count: 100) + String(repeating: ")", count: 100)) == nil)
        #expect(RegexNesting.problem(String(repeating: "(", count: 101)) != nil)
        #expect(RegexNesting.problem(String(repeating: "\\[", count: 5_000)) == nil, "escaped brackets are literals")
    }

    @Test func longCharacterClassesAreRefused() throws {
        // The fuzzer's input: `5.[[[[[` + 13,988 `-` + `[[[[[.` overflowed the regex parser.
        let long = "5.[[[[[" + String(repeating: "-", count: 13_988) + "[[[[[."
        #expect(RegexNesting.problem(long) != nil)
        #expect(throws: PromQLParseError.self) { try PromQLParser.parse("up{code=~\"\(long)\"}") }
        // A class of 1,000 bytes compiles and matches.
        let wide = "[" + String(repeating: "a-c", count: 333) + "]"
        #expect(RegexNesting.problem(wide) == nil)
        _ = try PromQLParser.parse("up{code=~\"\(wide)\"}")
        // Long patterns outside classes (Grafana's a|b|c expansions) are not limited here.
        #expect(RegexNesting.problem(Array(repeating: "value-\\d", count: 5_000).joined(separator: "|")) == nil)
    }

    @Test func aDeepMatcherIsAParseErrorNotACrash() {
        #expect(throws: PromQLParseError.self) { try PromQLParser.parse("up{job=~\"\(Self.deep)\"}") }
        #expect(throws: PromQLParseError.self) { try PromQLParser.parse("up{job!~\"\(Self.deep)\"}") }
    }

    @Test func relabelRulesRefuseDeepRegexes() {
        #expect(throws: RelabelError.self) { try RelabelRegex(Self.deep) }
        #expect(throws: Never.self) { try RelabelRegex("([^:]+)(?::\\d+)?;(\\d+)") }
    }
}
