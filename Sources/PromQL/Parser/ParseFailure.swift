/// The error the parser throws internally: one reference, so that each `try` in the
/// recursive descent reserves a pointer rather than a whole `PromQLParseError` on the
/// stack (debug builds keep one slot per call site). `PromQLParser` turns it into a
/// `PromQLParseError`.
final class ParseFailure: Error, Sendable {
    let message: String
    let range: PositionRange

    init(_ message: String, at range: PositionRange) {
        self.message = message
        self.range = range
    }
}
