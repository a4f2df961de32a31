import AccessLogs
import Testing

@Suite("NDJSON batches")
struct NDJSONBatchTests {
    static func line(_ n: Int) -> String {
        "{\"start_time\":\"2026-01-01T00:00:0\(n)Z\",\"path\":\"/\(n)\",\"response_code\":200}"
    }

    @Test("one bad line: the good lines are read, the bad one reported with its number")
    func oneBadLine() {
        let body = [Self.line(1), Self.line(2), #"{"start_time":"2026-01-01T00:00:03Z","path":}"#, Self.line(4)].joined(separator: "\n") + "\n"
        let result = NDJSONBatch.parse(Array(body.utf8), defaultService: "web")
        #expect(!result.isValid)
        #expect(result.records.map(\.path) == ["/1", "/2", "/4"])
        #expect(result.records.allSatisfy { $0.defaultService == "web" })
        #expect(result.badLineCount == 1)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.line == 3)
        #expect(result.errors.first?.offset == 44)
        #expect(result.errors.first?.description == "line 3, column 45: unexpected '}' where a value should be")
        #expect(result.lineCount == 4)
        #expect(result.consumedBytes == body.utf8.count)
    }

    @Test("blank lines are skipped but counted; CRLF endings are tolerated; raw excludes the ending")
    func blankAndCRLF() {
        let body = "\r\n" + Self.line(1) + "\r\n   \n\t\r\n" + Self.line(2) + "\r\n\n" + Self.line(3)
        let result = NDJSONBatch.parse(Array(body.utf8))
        #expect(result.isValid)
        #expect(result.records.map(\.path) == ["/1", "/2", "/3"])
        #expect(result.records[0].raw == Array(Self.line(1).utf8))
        #expect(result.records[2].raw == Array(Self.line(3).utf8))
        #expect(result.lineCount == 7)
    }

    @Test("a leading byte-order mark is skipped")
    func byteOrderMark() {
        let result = NDJSONBatch.parse([0xEF, 0xBB, 0xBF] + Array((Self.line(1) + "\n" + Self.line(2)).utf8))
        #expect(result.isValid)
        #expect(result.records.first?.raw == Array(Self.line(1).utf8))
        #expect(result.records.count == 2)
    }

    @Test("an empty body is valid and holds nothing")
    func empty() {
        let result = NDJSONBatch.parse([])
        #expect(result.isValid)
        #expect(result.records.isEmpty)
        #expect(result.lineCount == 0)
    }

    @Test("a chunk of a growing file leaves its partial last line unread")
    func partialLine() {
        let complete = Self.line(1) + "\n" + Self.line(2) + "\n"
        let chunk = complete + String(Self.line(3).prefix(20))
        let result = NDJSONBatch.parse(Array(chunk.utf8), options: .init(final: false))
        #expect(result.isValid)
        #expect(result.records.count == 2)
        #expect(result.consumedBytes == complete.utf8.count)
        // As a whole body, the same partial line is an error.
        let whole = NDJSONBatch.parse(Array(chunk.utf8))
        #expect(whole.errors.first?.kind == .truncated)
        #expect(whole.errors.first?.line == 3)
    }

    @Test("lines over the limit are refused unparsed; reported errors are capped but all are counted")
    func limits() {
        var lines = [Self.line(1), "{\"start_time\":\"2026-01-01T00:00:00Z\",\"path\":\"" + String(repeating: "a", count: 200) + "\"}"]
        lines += Array(repeating: "nope", count: 10)
        let result = NDJSONBatch.parse(Array(lines.joined(separator: "\n").utf8),
                                       options: .init(maxLineBytes: 100, maxReportedErrors: 3))
        #expect(result.records.count == 1)
        #expect(result.badLineCount == 11)
        #expect(result.errors.count == 3)
        #expect(result.errors[0].kind == .tooLong)
        #expect(result.errors[0].line == 2)
        #expect(result.errors[1].line == 3)
        #expect(result.errors[1].kind == .syntax)
    }

    @Test("every shape in one body")
    func mixedShapes() throws {
        let custom = try AccessLogConformance.bytes("envoy-custom-format-example.json").filter { $0 != 0x0A }
        let nested = try AccessLogConformance.bytes("nested-example.json").filter { $0 != 0x0A }
        let body = custom + [0x0A] + nested + [0x0A] + Array(istioLine.utf8)
        let result = NDJSONBatch.parse(body)
        #expect(result.isValid)
        #expect(result.records.map(\.shape) == [.envoyCustom, .nested, .istio])
        #expect(result.records[1].raw == nested)
    }
}
