import AccessLogs
import Testing

@Suite("Parse errors and their positions")
struct ParseErrorTests {
    @Test("syntax errors carry the byte offset of the problem")
    func syntax() {
        let missingComma = parseError(#"{"timestamp":"2026-01-01T00:00:00Z" "path":"/"}"#)
        #expect(missingComma?.kind == .syntax)
        #expect(missingComma?.offset == 36)
        #expect(missingComma?.column == 37)
        #expect(missingComma?.reason == "expected ',' or '}' but found '\"'")

        let badKey = parseError(#"{timestamp:1}"#)
        #expect(badKey?.offset == 1)
        #expect(badKey?.reason == "expected a field name but found 't'")

        #expect(parseError(#"{"a":tru}"#)?.offset == 8)
        #expect(parseError(#"{"a":01}"#)?.reason == "a number cannot have a leading zero")
        #expect(parseError(#"{"a":"\x"}"#)?.offset == 6)
        #expect(parseError(#"{"a":"\u12G4"}"#)?.reason == "\\u must be followed by four hex digits")
        #expect(parseError(#"{"a":1} x"#)?.offset == 8)
        #expect(parseError(#"{"a":1,}"#)?.reason == "expected a field name but found '}'")
        #expect(parseError(#"{"a":[1,]}"#)?.offset == 8)
    }

    @Test("truncated lines point at their end")
    func truncated() {
        for text in [#"{"timestamp":"2026"#, #"{"a":"#, #"{"a":[1,2"#, #"{"a":1"#, #"{"a":-"#, #"{"a":"\u12"#, ""] {
            let error = parseError(text)
            #expect(error?.kind == .truncated, "\(text)")
            #expect(error?.offset == text.utf8.count, "\(text)")
        }
    }

    @Test("a record must be an object")
    func notAnObject() {
        let error = parseError("  [1, 2]")
        #expect(error?.kind == .notAnObject)
        #expect(error?.offset == 2)
        #expect(error?.reason == "a record must be a JSON object, not an array")
        #expect(parseError("\"text\"")?.kind == .notAnObject)
    }

    @Test("a record needs a time")
    func missingTime() {
        let error = parseError(#"{"path":"/","response_code":200}"#)
        #expect(error?.kind == .missingField)
    }

    @Test("known fields with impossible values name the field and point at the value")
    func invalidFields() {
        let object = parseError(#"{"timestamp":"2026-01-01T00:00:00Z","response_code":{}}"#)
        #expect(object?.kind == .invalidField)
        #expect(object?.field == "response_code")
        #expect(object?.offset == 52)
        #expect(object?.description == "column 53: field response_code: expected a response code but found an object")

        let nested = parseError(#"{"timestamp":"2026-01-01T00:00:00Z","response":{"duration_ms":"soon"}}"#)
        #expect(nested?.field == "response.duration_ms")
        #expect(nested?.reason == "expected milliseconds but found \"soon\"")

        #expect(parseError(#"{"timestamp":"yesterday"}"#)?.field == "timestamp")
        #expect(parseError(#"{"timestamp":-5}"#)?.field == "timestamp")
        #expect(parseError(#"{"timestamp":"2026-01-01T00:00:00Z","response_code":1000}"#)?.reason == "response code 1000 is out of range (0 to 999)")
        #expect(parseError(#"{"timestamp":"2026-01-01T00:00:00Z","bytes_sent":-1}"#)?.field == "bytes_sent")
        #expect(parseError(#"{"timestamp":"2026-01-01T00:00:00Z","path":["/"]}"#)?.field == "path")
        #expect(parseError(#"{"timestamp":"2026-01-01T00:00:00Z","tls":{"enabled":"yes"}}"#)?.field == "tls.enabled")
        #expect(parseError(#"{"timestamp":"2026-01-01T00:00:00Z","request":[]}"#)?.field == "request")
    }

    @Test("description with a line number")
    func description() {
        var error = AccessLogParseError(kind: .syntax, reason: "expected ':'", offset: 4, line: 3)
        #expect(error.description == "line 3, column 5: expected ':'")
        error.field = "request.path"
        #expect(error.description == "line 3, column 5: field request.path: expected ':'")
    }
}
