import AccessLogs
import Testing

@Suite("Hostile input")
struct HostileInputTests {
    @Test("quotes, markup, escapes and control escapes decode, and raw keeps the line")
    func escapes() throws {
        let line = #"{"timestamp":"2026-01-01T00:00:00Z","path":"/q?x=\"><script>alert('x')</script>","user_agent":"a\\b\/c\u00e9\ud83d\ude00\n\t","authority":"\u0000"}"#
        let record = try parse(line)
        #expect(record.path == #"/q?x="><script>alert('x')</script>"#)
        #expect(record.userAgent == "a\\b/cé😀\n\t")
        #expect(record.authority == "\u{0}")
        #expect(record.raw == Array(line.utf8))
    }

    @Test("invalid UTF-8 inside strings is accepted, replaced in fields and kept in raw")
    func invalidUTF8() throws {
        var line = Array(#"{"timestamp":"2026-01-01T00:00:00Z","path":"/a"#.utf8)
        line += [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80] // invalid byte, bad continuation, encoded surrogate
        line += Array(#"b","user_agent":""#.utf8) + [0xF0, 0x9F, 0x98] + Array(#""}"#.utf8) // truncated sequence
        let record = try AccessLogParser.parse(line: line)
        #expect(record.raw == line)
        #expect(record.path?.hasPrefix("/a\u{FFFD}") == true)
        #expect(record.path?.hasSuffix("b") == true)
        #expect(record.userAgent?.unicodeScalars.allSatisfy { $0 == "\u{FFFD}" } == true)
    }

    @Test("a lone surrogate escape becomes U+FFFD")
    func loneSurrogate() throws {
        #expect(try parse(#"{"timestamp":"2026-01-01T00:00:00Z","path":"\ud800x"}"#).path == "\u{FFFD}x")
    }

    @Test("very long fields are kept whole")
    func longFields() throws {
        let long = String(repeating: "/segment", count: 40_000) // 320 kB
        let line = "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"path\":\"\(long)\",\"user_agent\":\"\(String(repeating: "x", count: 100_000))\"}"
        let record = try parse(line)
        #expect(record.path == long)
        #expect(record.userAgent?.count == 100_000)
        #expect(record.raw.count == line.utf8.count)
    }

    @Test("deep nesting is refused with a typed error, not a crash")
    func deepNesting() {
        let deep = "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"x\":" + String(repeating: "[", count: 100_000) + "}"
        let error = parseError(deep)
        #expect(error?.kind == .tooDeep)
        #expect(error?.offset == 40 + AccessLogParser.maxDepth - 1) // the first "[" is at 40, at depth 2
    }

    @Test("a NUL byte and raw control characters outside escapes are refused")
    func controlBytes() {
        #expect(parseError(Array(#"{"timestamp":"2026-01-01T00:00:00Z","path":"a"#.utf8) + [0x00] + Array(#""}"#.utf8))?.offset == 45)
        #expect(parseError(Array(#"{"path":""#.utf8) + [0x0A] + Array(#""}"#.utf8))?.kind == .syntax)
    }
}
