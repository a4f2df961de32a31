import AccessLogs
import Testing

@Suite("Full-text queries")
struct TextQueryTests {
    @Test("tokens follow unicode61: letters and digits, case folded")
    func tokens() {
        #expect(LogTextQuery.tokens("/api/v1/orders?id=42&x") == ["api", "v1", "orders", "id", "42", "x"])
        #expect(LogTextQuery.tokens("Mozilla/5.0 (X11; Linux)") == ["mozilla", "5", "0", "x11", "linux"])
        #expect(LogTextQuery.tokens("Ünïcode_Straße") == ["ünïcode", "straße"])
        #expect(LogTextQuery.tokens("<script>\"'") == ["script"])
        #expect(LogTextQuery.tokens("日本語 テキスト") == ["日本語", "テキスト"])
        #expect(LogTextQuery.tokens("\u{FFFD}a") == ["a"])
    }

    @Test("words, quoted phrases and prefixes; operators are plain words")
    func parsing() {
        let q = LogTextQuery(parsing: #""/api/v1" reviews cur* "Go-http"* OR NOT"#)
        #expect(q.terms == [
            .init(tokens: ["api", "v1"]), .init(tokens: ["reviews"]), .init(tokens: ["cur"], prefix: true),
            .init(tokens: ["go", "http"], prefix: true), .init(tokens: ["or"]), .init(tokens: ["not"]),
        ])
        #expect(q.ftsExpression == #""api v1" AND "reviews" AND "cur" * AND "go http" * AND "or" AND "not""#)
    }

    @Test("quotes anywhere never break the expression")
    func hostileQuotes() {
        #expect(LogTextQuery(parsing: #"it's "unterminated phrase"#).terms == [
            .init(tokens: ["it", "s"]), .init(tokens: ["unterminated", "phrase"]),
        ])
        #expect(LogTextQuery(parsing: #"a"b"c"#).terms.map(\.tokens) == [["a"], ["b"], ["c"]])
        #expect(LogTextQuery(parsing: String(repeating: "\"", count: 4)).isEmpty)
        #expect(LogTextQuery(parsing: "  /// *** ").isEmpty)
        #expect(LogTextQuery(parsing: "(a) NEAR(b c) path:x ^y").ftsExpression == #""a" AND "near b" AND "c" AND "path x" AND "y""#)
    }

    @Test("matching: every term, each as a phrase within one column")
    func matching() {
        let columns: [String?] = ["/api/v1/reviews/0", "reviews:9080", "curl/8.4.0"]
        #expect(LogTextQuery(parsing: #""/api/v1" reviews"#).matches(columns))
        #expect(LogTextQuery(parsing: "API CURL").matches(columns))
        #expect(LogTextQuery(parsing: "cur*").matches(columns))
        #expect(!LogTextQuery(parsing: "cur").matches(columns))
        #expect(!LogTextQuery(parsing: #""v1 api""#).matches(columns))
        // A phrase does not span columns.
        #expect(!LogTextQuery(parsing: #""0 reviews""#).matches(columns))
        #expect(LogTextQuery(parsing: #""reviews 9080""#).matches(columns))
        #expect(!LogTextQuery(parsing: "missing").matches([nil, nil, nil]))
    }
}
